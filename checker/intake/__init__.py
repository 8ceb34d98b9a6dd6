"""Every way a submission comes in: the YAML model, the workbook, the scaffold, migration."""
