# Generated from submission.schema.json by `python -m checker.validation`: do not edit.
# It only says whether a document is valid; jsonschema explains what is wrong.
# ruff: noqa
SCHEMA_SHA256 = "c2df544d1f630aaa7e20304dfb37d1b992b3ce553db2456bf235c9550e245ac3"
VERSION = "2.22.3"
from decimal import Decimal
import re
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^[a-z0-9][a-z0-9-]*$': re.compile('^[a-z0-9][a-z0-9-]*\\Z'),
    '^https?://': re.compile('^https?://'),
    '^[0-9]+\\.[0-9]+$': re.compile('^[0-9]+\\.[0-9]+\\Z'),
    '^x-': re.compile('^x-'),
    '^[a-z]$': re.compile('^[a-z]\\Z'),
    '^https?://\\S+$': re.compile('^https?://\\S+\\Z'),
    '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': re.compile('^[0-9]{4}-[0-9]{2}-[0-9]{2}\\Z')
}

NoneType = type(None)

def validate_https___chc_invalid_schemas_submission_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['code', 'landlord', 'period', 'answers']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "code" in data_keys:
            data_keys.remove("code")
            data__code = data["code"]
            if not isinstance(data__code, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".code must be string")
            if isinstance(data__code, str):
                if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]*$'].search(data__code):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".code must match pattern ^[a-z0-9][a-z0-9-]*$")
        if "landlord" in data_keys:
            data_keys.remove("landlord")
            data__landlord = data["landlord"]
            if not isinstance(data__landlord, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord must be object")
            data__landlord_is_dict = isinstance(data__landlord, dict)
            if data__landlord_is_dict:
                data__landlord__missing_keys = set(['name', 'nation']) - data__landlord.keys()
                if data__landlord__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord must contain ")
                data__landlord_keys = set(data__landlord.keys())
                if "name" in data__landlord_keys:
                    data__landlord_keys.remove("name")
                    data__landlord__name = data__landlord["name"]
                    if not isinstance(data__landlord__name, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord.name must be string")
                    if isinstance(data__landlord__name, str):
                        data__landlord__name_len = len(data__landlord__name)
                        if data__landlord__name_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord.name must be longer than or equal to 1 characters")
                if "nation" in data__landlord_keys:
                    data__landlord_keys.remove("nation")
                    data__landlord__nation = data__landlord["nation"]
                    if not (isinstance(data__landlord__nation, str) and data__landlord__nation == 'england' or isinstance(data__landlord__nation, str) and data__landlord__nation == 'wales' or isinstance(data__landlord__nation, str) and data__landlord__nation == 'scotland' or isinstance(data__landlord__nation, str) and data__landlord__nation == 'northern-ireland'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord.nation must be one of ['england', 'wales', 'scotland', 'northern-ireland']")
                if "registration" in data__landlord_keys:
                    data__landlord_keys.remove("registration")
                    data__landlord__registration = data__landlord["registration"]
                    if not isinstance(data__landlord__registration, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord.registration must be string")
                if "type" in data__landlord_keys:
                    data__landlord_keys.remove("type")
                    data__landlord__type = data__landlord["type"]
                    if not isinstance(data__landlord__type, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord.type must be string")
                if "website" in data__landlord_keys:
                    data__landlord_keys.remove("website")
                    data__landlord__website = data__landlord["website"]
                    if not isinstance(data__landlord__website, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord.website must be string")
                    if isinstance(data__landlord__website, str):
                        if not REGEX_PATTERNS['^https?://'].search(data__landlord__website):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord.website must match pattern ^https?://")
                if "homes" in data__landlord_keys:
                    data__landlord_keys.remove("homes")
                    data__landlord__homes = data__landlord["homes"]
                    if not isinstance(data__landlord__homes, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord.homes must be object")
                    data__landlord__homes_is_dict = isinstance(data__landlord__homes, dict)
                    if data__landlord__homes_is_dict:
                        data__landlord__homes_keys = set(data__landlord__homes.keys())
                        if "lcra" in data__landlord__homes_keys:
                            data__landlord__homes_keys.remove("lcra")
                            data__landlord__homes__lcra = data__landlord__homes["lcra"]
                            if not isinstance(data__landlord__homes__lcra, (int)) and not (isinstance(data__landlord__homes__lcra, float) and data__landlord__homes__lcra.is_integer()) or isinstance(data__landlord__homes__lcra, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord.homes.lcra must be integer")
                            if isinstance(data__landlord__homes__lcra, (int, float, Decimal)) and not isinstance(data__landlord__homes__lcra, bool):
                                if data__landlord__homes__lcra < 0:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord.homes.lcra must be bigger than or equal to 0")
                        if "lcho" in data__landlord__homes_keys:
                            data__landlord__homes_keys.remove("lcho")
                            data__landlord__homes__lcho = data__landlord__homes["lcho"]
                            if not isinstance(data__landlord__homes__lcho, (int)) and not (isinstance(data__landlord__homes__lcho, float) and data__landlord__homes__lcho.is_integer()) or isinstance(data__landlord__homes__lcho, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord.homes.lcho must be integer")
                            if isinstance(data__landlord__homes__lcho, (int, float, Decimal)) and not isinstance(data__landlord__homes__lcho, bool):
                                if data__landlord__homes__lcho < 0:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord.homes.lcho must be bigger than or equal to 0")
                        if data__landlord__homes_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord.homes must not contain "+str(data__landlord__homes_keys)+" properties")
                if data__landlord_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".landlord must not contain "+str(data__landlord_keys)+" properties")
        if "period" in data_keys:
            data_keys.remove("period")
            data__period = data["period"]
            if not isinstance(data__period, (dict, str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".period must be object or string")
            data__period_is_dict = isinstance(data__period, dict)
            if data__period_is_dict:
                data__period_keys = set(data__period.keys())
                if "start" in data__period_keys:
                    data__period_keys.remove("start")
                    data__period__start = data__period["start"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_date(data__period__start, custom_formats, (name_prefix or "data") + ".period.start")
                if "end" in data__period_keys:
                    data__period_keys.remove("end")
                    data__period__end = data__period["end"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_date(data__period__end, custom_formats, (name_prefix or "data") + ".period.end")
                if "label" in data__period_keys:
                    data__period_keys.remove("label")
                    data__period__label = data__period["label"]
                    if not isinstance(data__period__label, (str, int)) and not (isinstance(data__period__label, float) and data__period__label.is_integer()) or isinstance(data__period__label, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".period.label must be string or integer")
                if data__period_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".period must not contain "+str(data__period_keys)+" properties")
        if "prepared" in data_keys:
            data_keys.remove("prepared")
            data__prepared = data["prepared"]
            if not isinstance(data__prepared, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".prepared must be object")
            data__prepared_is_dict = isinstance(data__prepared, dict)
            if data__prepared_is_dict:
                data__prepared_keys = set(data__prepared.keys())
                if "by" in data__prepared_keys:
                    data__prepared_keys.remove("by")
                    data__prepared__by = data__prepared["by"]
                    if not isinstance(data__prepared__by, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".prepared.by must be string")
                if "role" in data__prepared_keys:
                    data__prepared_keys.remove("role")
                    data__prepared__role = data__prepared["role"]
                    if not isinstance(data__prepared__role, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".prepared.role must be string")
                if "date" in data__prepared_keys:
                    data__prepared_keys.remove("date")
                    data__prepared__date = data__prepared["date"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_date(data__prepared__date, custom_formats, (name_prefix or "data") + ".prepared.date")
                if data__prepared_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".prepared must not contain "+str(data__prepared_keys)+" properties")
        if "governance" in data_keys:
            data_keys.remove("governance")
            data__governance = data["governance"]
            if not isinstance(data__governance, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".governance must be object")
            data__governance_is_dict = isinstance(data__governance, dict)
            if data__governance_is_dict:
                data__governance_keys = set(data__governance.keys())
                if "complaints_officer" in data__governance_keys:
                    data__governance_keys.remove("complaints_officer")
                    data__governance__complaintsofficer = data__governance["complaints_officer"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_person(data__governance__complaintsofficer, custom_formats, (name_prefix or "data") + ".governance.complaints_officer")
                if "senior_lead" in data__governance_keys:
                    data__governance_keys.remove("senior_lead")
                    data__governance__seniorlead = data__governance["senior_lead"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_person(data__governance__seniorlead, custom_formats, (name_prefix or "data") + ".governance.senior_lead")
                if "mrc" in data__governance_keys:
                    data__governance_keys.remove("mrc")
                    data__governance__mrc = data__governance["mrc"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_person(data__governance__mrc, custom_formats, (name_prefix or "data") + ".governance.mrc")
                if "governing_body" in data__governance_keys:
                    data__governance_keys.remove("governing_body")
                    data__governance__governingbody = data__governance["governing_body"]
                    if not isinstance(data__governance__governingbody, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".governance.governing_body must be object")
                    data__governance__governingbody_is_dict = isinstance(data__governance__governingbody, dict)
                    if data__governance__governingbody_is_dict:
                        data__governance__governingbody_keys = set(data__governance__governingbody.keys())
                        if "name" in data__governance__governingbody_keys:
                            data__governance__governingbody_keys.remove("name")
                            data__governance__governingbody__name = data__governance__governingbody["name"]
                            if not isinstance(data__governance__governingbody__name, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".governance.governing_body.name must be string")
                        if "reviewed" in data__governance__governingbody_keys:
                            data__governance__governingbody_keys.remove("reviewed")
                            data__governance__governingbody__reviewed = data__governance__governingbody["reviewed"]
                            validate_https___chc_invalid_schemas_submission_schema_json___defs_date(data__governance__governingbody__reviewed, custom_formats, (name_prefix or "data") + ".governance.governing_body.reviewed")
                        if "approved" in data__governance__governingbody_keys:
                            data__governance__governingbody_keys.remove("approved")
                            data__governance__governingbody__approved = data__governance__governingbody["approved"]
                            validate_https___chc_invalid_schemas_submission_schema_json___defs_date(data__governance__governingbody__approved, custom_formats, (name_prefix or "data") + ".governance.governing_body.approved")
                        if "response" in data__governance__governingbody_keys:
                            data__governance__governingbody_keys.remove("response")
                            data__governance__governingbody__response = data__governance__governingbody["response"]
                            if not isinstance(data__governance__governingbody__response, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".governance.governing_body.response must be string")
                        if "response_url" in data__governance__governingbody_keys:
                            data__governance__governingbody_keys.remove("response_url")
                            data__governance__governingbody__responseurl = data__governance__governingbody["response_url"]
                            validate_https___chc_invalid_schemas_submission_schema_json___defs_url(data__governance__governingbody__responseurl, custom_formats, (name_prefix or "data") + ".governance.governing_body.response_url")
                        if data__governance__governingbody_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".governance.governing_body must not contain "+str(data__governance__governingbody_keys)+" properties")
                if "publication_url" in data__governance_keys:
                    data__governance_keys.remove("publication_url")
                    data__governance__publicationurl = data__governance["publication_url"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_url(data__governance__publicationurl, custom_formats, (name_prefix or "data") + ".governance.publication_url")
                if "annual_report_url" in data__governance_keys:
                    data__governance_keys.remove("annual_report_url")
                    data__governance__annualreporturl = data__governance["annual_report_url"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_url(data__governance__annualreporturl, custom_formats, (name_prefix or "data") + ".governance.annual_report_url")
                if data__governance_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".governance must not contain "+str(data__governance_keys)+" properties")
        if "policy" in data_keys:
            data_keys.remove("policy")
            data__policy = data["policy"]
            if not isinstance(data__policy, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".policy must be object")
            data__policy_is_dict = isinstance(data__policy, dict)
            if data__policy_is_dict:
                data__policy_keys = set(data__policy.keys())
                if "document" in data__policy_keys:
                    data__policy_keys.remove("document")
                    data__policy__document = data__policy["document"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_evidence_item(data__policy__document, custom_formats, (name_prefix or "data") + ".policy.document")
                if "definition" in data__policy_keys:
                    data__policy_keys.remove("definition")
                    data__policy__definition = data__policy["definition"]
                    if not isinstance(data__policy__definition, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".policy.definition must be string")
                if "stages" in data__policy_keys:
                    data__policy_keys.remove("stages")
                    data__policy__stages = data__policy["stages"]
                    if not isinstance(data__policy__stages, (int)) and not (isinstance(data__policy__stages, float) and data__policy__stages.is_integer()) or isinstance(data__policy__stages, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".policy.stages must be integer")
                    if isinstance(data__policy__stages, (int, float, Decimal)) and not isinstance(data__policy__stages, bool):
                        if data__policy__stages < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".policy.stages must be bigger than or equal to 1")
                if "pre_stage" in data__policy_keys:
                    data__policy_keys.remove("pre_stage")
                    data__policy__prestage = data__policy["pre_stage"]
                    if not isinstance(data__policy__prestage, (bool)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".policy.pre_stage must be boolean")
                if "single_policy" in data__policy_keys:
                    data__policy_keys.remove("single_policy")
                    data__policy__singlepolicy = data__policy["single_policy"]
                    if not isinstance(data__policy__singlepolicy, (bool)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".policy.single_policy must be boolean")
                if "complaint_window_months" in data__policy_keys:
                    data__policy_keys.remove("complaint_window_months")
                    data__policy__complaintwindowmonths = data__policy["complaint_window_months"]
                    if not isinstance(data__policy__complaintwindowmonths, (int)) and not (isinstance(data__policy__complaintwindowmonths, float) and data__policy__complaintwindowmonths.is_integer()) or isinstance(data__policy__complaintwindowmonths, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".policy.complaint_window_months must be integer")
                    if isinstance(data__policy__complaintwindowmonths, (int, float, Decimal)) and not isinstance(data__policy__complaintwindowmonths, bool):
                        if data__policy__complaintwindowmonths < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".policy.complaint_window_months must be bigger than or equal to 0")
                if "escalation_reason_required" in data__policy_keys:
                    data__policy_keys.remove("escalation_reason_required")
                    data__policy__escalationreasonrequired = data__policy["escalation_reason_required"]
                    if not isinstance(data__policy__escalationreasonrequired, (bool)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".policy.escalation_reason_required must be boolean")
                if "escalation_time_limit_days" in data__policy_keys:
                    data__policy_keys.remove("escalation_time_limit_days")
                    data__policy__escalationtimelimitdays = data__policy["escalation_time_limit_days"]
                    if not isinstance(data__policy__escalationtimelimitdays, (int)) and not (isinstance(data__policy__escalationtimelimitdays, float) and data__policy__escalationtimelimitdays.is_integer()) or isinstance(data__policy__escalationtimelimitdays, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".policy.escalation_time_limit_days must be integer")
                    if isinstance(data__policy__escalationtimelimitdays, (int, float, Decimal)) and not isinstance(data__policy__escalationtimelimitdays, bool):
                        if data__policy__escalationtimelimitdays < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".policy.escalation_time_limit_days must be bigger than or equal to 0")
                if "day_basis" in data__policy_keys:
                    data__policy_keys.remove("day_basis")
                    data__policy__daybasis = data__policy["day_basis"]
                    if not (isinstance(data__policy__daybasis, str) and data__policy__daybasis == 'working' or isinstance(data__policy__daybasis, str) and data__policy__daybasis == 'calendar'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".policy.day_basis must be one of ['working', 'calendar']")
                if "stage1" in data__policy_keys:
                    data__policy_keys.remove("stage1")
                    data__policy__stage1 = data__policy["stage1"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_policy_stage(data__policy__stage1, custom_formats, (name_prefix or "data") + ".policy.stage1")
                if "stage2" in data__policy_keys:
                    data__policy_keys.remove("stage2")
                    data__policy__stage2 = data__policy["stage2"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_policy_stage(data__policy__stage2, custom_formats, (name_prefix or "data") + ".policy.stage2")
                if data__policy_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".policy must not contain "+str(data__policy_keys)+" properties")
        if "case_log" in data_keys:
            data_keys.remove("case_log")
            data__caselog = data["case_log"]
            if not isinstance(data__caselog, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log must be object")
            data__caselog_is_dict = isinstance(data__caselog, dict)
            if data__caselog_is_dict:
                data__caselog__missing_keys = set(['path']) - data__caselog.keys()
                if data__caselog__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log must contain ")
                data__caselog_keys = set(data__caselog.keys())
                if "path" in data__caselog_keys:
                    data__caselog_keys.remove("path")
                    data__caselog__path = data__caselog["path"]
                    if not isinstance(data__caselog__path, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.path must be string")
                    if isinstance(data__caselog__path, str):
                        data__caselog__path_len = len(data__caselog__path)
                        if data__caselog__path_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.path must be longer than or equal to 1 characters")
                if "sheet" in data__caselog_keys:
                    data__caselog_keys.remove("sheet")
                    data__caselog__sheet = data__caselog["sheet"]
                    if not isinstance(data__caselog__sheet, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.sheet must be string")
                if "columns" in data__caselog_keys:
                    data__caselog_keys.remove("columns")
                    data__caselog__columns = data__caselog["columns"]
                    if not isinstance(data__caselog__columns, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.columns must be object")
                    data__caselog__columns_is_dict = isinstance(data__caselog__columns, dict)
                    if data__caselog__columns_is_dict:
                        data__caselog__columns_keys = set(data__caselog__columns.keys())
                        for data__caselog__columns_key in data__caselog__columns_keys:
                            if data__caselog__columns_key not in []:
                                data__caselog__columns_value = data__caselog__columns.get(data__caselog__columns_key)
                                if not isinstance(data__caselog__columns_value, (str)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.columns.{data__caselog__columns_key}".format(**locals()) + " must be string")
                if "closures" in data__caselog_keys:
                    data__caselog_keys.remove("closures")
                    data__caselog__closures = data__caselog["closures"]
                    if not isinstance(data__caselog__closures, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.closures must be array")
                    data__caselog__closures_is_list = isinstance(data__caselog__closures, (list, tuple))
                    if data__caselog__closures_is_list:
                        data__caselog__closures_len = len(data__caselog__closures)
                        for data__caselog__closures_x, data__caselog__closures_item in enumerate(data__caselog__closures):
                            validate_https___chc_invalid_schemas_submission_schema_json___defs_date(data__caselog__closures_item, custom_formats, (name_prefix or "data") + ".case_log.closures[{data__caselog__closures_x}]".format(**locals()))
                if "values" in data__caselog_keys:
                    data__caselog_keys.remove("values")
                    data__caselog__values = data__caselog["values"]
                    if not isinstance(data__caselog__values, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.values must be object")
                    data__caselog__values_is_dict = isinstance(data__caselog__values, dict)
                    if data__caselog__values_is_dict:
                        data__caselog__values_keys = set(data__caselog__values.keys())
                        if "tenure" in data__caselog__values_keys:
                            data__caselog__values_keys.remove("tenure")
                            data__caselog__values__tenure = data__caselog__values["tenure"]
                            if not isinstance(data__caselog__values__tenure, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.values.tenure must be object")
                            data__caselog__values__tenure_is_dict = isinstance(data__caselog__values__tenure, dict)
                            if data__caselog__values__tenure_is_dict:
                                data__caselog__values__tenure_keys = set(data__caselog__values__tenure.keys())
                                for data__caselog__values__tenure_key in data__caselog__values__tenure_keys:
                                    if data__caselog__values__tenure_key not in []:
                                        data__caselog__values__tenure_value = data__caselog__values__tenure.get(data__caselog__values__tenure_key)
                                        if not (isinstance(data__caselog__values__tenure_value, str) and data__caselog__values__tenure_value == 'lcra' or isinstance(data__caselog__values__tenure_value, str) and data__caselog__values__tenure_value == 'lcho' or isinstance(data__caselog__values__tenure_value, str) and data__caselog__values__tenure_value == 'exclude' or isinstance(data__caselog__values__tenure_value, str) and data__caselog__values__tenure_value == 'blank'):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.values.tenure.{data__caselog__values__tenure_key}".format(**locals()) + " must be one of ['lcra', 'lcho', 'exclude', 'blank']")
                        if "stage" in data__caselog__values_keys:
                            data__caselog__values_keys.remove("stage")
                            data__caselog__values__stage = data__caselog__values["stage"]
                            if not isinstance(data__caselog__values__stage, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.values.stage must be object")
                            data__caselog__values__stage_is_dict = isinstance(data__caselog__values__stage, dict)
                            if data__caselog__values__stage_is_dict:
                                data__caselog__values__stage_keys = set(data__caselog__values__stage.keys())
                                for data__caselog__values__stage_key in data__caselog__values__stage_keys:
                                    if data__caselog__values__stage_key not in []:
                                        data__caselog__values__stage_value = data__caselog__values__stage.get(data__caselog__values__stage_key)
                                        if not (isinstance(data__caselog__values__stage_value, (int, float)) and not isinstance(data__caselog__values__stage_value, bool) and data__caselog__values__stage_value == 1 or isinstance(data__caselog__values__stage_value, (int, float)) and not isinstance(data__caselog__values__stage_value, bool) and data__caselog__values__stage_value == 2 or isinstance(data__caselog__values__stage_value, str) and data__caselog__values__stage_value == '1' or isinstance(data__caselog__values__stage_value, str) and data__caselog__values__stage_value == '2' or isinstance(data__caselog__values__stage_value, str) and data__caselog__values__stage_value == 'exclude'):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.values.stage.{data__caselog__values__stage_key}".format(**locals()) + " must be one of [1, 2, '1', '2', 'exclude']")
                        if "outcome" in data__caselog__values_keys:
                            data__caselog__values_keys.remove("outcome")
                            data__caselog__values__outcome = data__caselog__values["outcome"]
                            if not isinstance(data__caselog__values__outcome, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.values.outcome must be object")
                            data__caselog__values__outcome_is_dict = isinstance(data__caselog__values__outcome, dict)
                            if data__caselog__values__outcome_is_dict:
                                data__caselog__values__outcome_keys = set(data__caselog__values__outcome.keys())
                                for data__caselog__values__outcome_key in data__caselog__values__outcome_keys:
                                    if data__caselog__values__outcome_key not in []:
                                        data__caselog__values__outcome_value = data__caselog__values__outcome.get(data__caselog__values__outcome_key)
                                        if not isinstance(data__caselog__values__outcome_value, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.values.outcome.{data__caselog__values__outcome_key}".format(**locals()) + " must be string")
                                        if isinstance(data__caselog__values__outcome_value, str):
                                            data__caselog__values__outcome_value_len = len(data__caselog__values__outcome_value)
                                            if data__caselog__values__outcome_value_len < 1:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.values.outcome.{data__caselog__values__outcome_key}".format(**locals()) + " must be longer than or equal to 1 characters")
                        if "withdrawn" in data__caselog__values_keys:
                            data__caselog__values_keys.remove("withdrawn")
                            data__caselog__values__withdrawn = data__caselog__values["withdrawn"]
                            if not isinstance(data__caselog__values__withdrawn, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.values.withdrawn must be object")
                            data__caselog__values__withdrawn_is_dict = isinstance(data__caselog__values__withdrawn, dict)
                            if data__caselog__values__withdrawn_is_dict:
                                data__caselog__values__withdrawn_keys = set(data__caselog__values__withdrawn.keys())
                                for data__caselog__values__withdrawn_key in data__caselog__values__withdrawn_keys:
                                    if data__caselog__values__withdrawn_key not in []:
                                        data__caselog__values__withdrawn_value = data__caselog__values__withdrawn.get(data__caselog__values__withdrawn_key)
                                        if not (isinstance(data__caselog__values__withdrawn_value, str) and data__caselog__values__withdrawn_value == 'yes' or isinstance(data__caselog__values__withdrawn_value, str) and data__caselog__values__withdrawn_value == 'no' or isinstance(data__caselog__values__withdrawn_value, bool) and data__caselog__values__withdrawn_value is True or isinstance(data__caselog__values__withdrawn_value, bool) and data__caselog__values__withdrawn_value is False):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.values.withdrawn.{data__caselog__values__withdrawn_key}".format(**locals()) + " must be one of ['yes', 'no', True, False]")
                        if data__caselog__values_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.values must not contain "+str(data__caselog__values_keys)+" properties")
                if "header_row" in data__caselog_keys:
                    data__caselog_keys.remove("header_row")
                    data__caselog__headerrow = data__caselog["header_row"]
                    if not isinstance(data__caselog__headerrow, (int)) and not (isinstance(data__caselog__headerrow, float) and data__caselog__headerrow.is_integer()) or isinstance(data__caselog__headerrow, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.header_row must be integer")
                    if isinstance(data__caselog__headerrow, (int, float, Decimal)) and not isinstance(data__caselog__headerrow, bool):
                        if data__caselog__headerrow < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.header_row must be bigger than or equal to 1")
                if "max_excluded_pct" in data__caselog_keys:
                    data__caselog_keys.remove("max_excluded_pct")
                    data__caselog__maxexcludedpct = data__caselog["max_excluded_pct"]
                    if not isinstance(data__caselog__maxexcludedpct, (int, float, Decimal)) or isinstance(data__caselog__maxexcludedpct, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.max_excluded_pct must be number")
                    if isinstance(data__caselog__maxexcludedpct, (int, float, Decimal)) and not isinstance(data__caselog__maxexcludedpct, bool):
                        if data__caselog__maxexcludedpct < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.max_excluded_pct must be bigger than or equal to 0")
                        if data__caselog__maxexcludedpct > 100:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log.max_excluded_pct must be smaller than or equal to 100")
                if data__caselog_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".case_log must not contain "+str(data__caselog_keys)+" properties")
        if "settings" in data_keys:
            data_keys.remove("settings")
            data__settings = data["settings"]
            if not isinstance(data__settings, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".settings must be object")
            data__settings_is_dict = isinstance(data__settings, dict)
            if data__settings_is_dict:
                data__settings_keys = set(data__settings.keys())
                if "timeliness_tolerance_pct" in data__settings_keys:
                    data__settings_keys.remove("timeliness_tolerance_pct")
                    data__settings__timelinesstolerancepct = data__settings["timeliness_tolerance_pct"]
                    if not isinstance(data__settings__timelinesstolerancepct, (int, float, Decimal)) or isinstance(data__settings__timelinesstolerancepct, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".settings.timeliness_tolerance_pct must be number")
                    if isinstance(data__settings__timelinesstolerancepct, (int, float, Decimal)) and not isinstance(data__settings__timelinesstolerancepct, bool):
                        if data__settings__timelinesstolerancepct < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".settings.timeliness_tolerance_pct must be bigger than or equal to 0")
                        if data__settings__timelinesstolerancepct > 100:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".settings.timeliness_tolerance_pct must be smaller than or equal to 100")
                if "figure_tolerance_points" in data__settings_keys:
                    data__settings_keys.remove("figure_tolerance_points")
                    data__settings__figuretolerancepoints = data__settings["figure_tolerance_points"]
                    if not isinstance(data__settings__figuretolerancepoints, (int, float, Decimal)) or isinstance(data__settings__figuretolerancepoints, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".settings.figure_tolerance_points must be number")
                    if isinstance(data__settings__figuretolerancepoints, (int, float, Decimal)) and not isinstance(data__settings__figuretolerancepoints, bool):
                        if data__settings__figuretolerancepoints < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".settings.figure_tolerance_points must be bigger than or equal to 0")
                if "count_extensions_in_time" in data__settings_keys:
                    data__settings_keys.remove("count_extensions_in_time")
                    data__settings__countextensionsintime = data__settings["count_extensions_in_time"]
                    if not isinstance(data__settings__countextensionsintime, (bool)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".settings.count_extensions_in_time must be boolean")
                if data__settings_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".settings must not contain "+str(data__settings_keys)+" properties")
        if "metrics" in data_keys:
            data_keys.remove("metrics")
            data__metrics = data["metrics"]
            if not isinstance(data__metrics, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".metrics must be object")
            data__metrics_is_dict = isinstance(data__metrics, dict)
            if data__metrics_is_dict:
                data__metrics_keys = set(data__metrics.keys())
                if "stage1" in data__metrics_keys:
                    data__metrics_keys.remove("stage1")
                    data__metrics__stage1 = data__metrics["stage1"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_stage_metrics(data__metrics__stage1, custom_formats, (name_prefix or "data") + ".metrics.stage1")
                if "stage2" in data__metrics_keys:
                    data__metrics_keys.remove("stage2")
                    data__metrics__stage2 = data__metrics["stage2"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_stage_metrics(data__metrics__stage2, custom_formats, (name_prefix or "data") + ".metrics.stage2")
                if "escalation_rate_pct" in data__metrics_keys:
                    data__metrics_keys.remove("escalation_rate_pct")
                    data__metrics__escalationratepct = data__metrics["escalation_rate_pct"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__metrics__escalationratepct, custom_formats, (name_prefix or "data") + ".metrics.escalation_rate_pct")
                if "complaints_per_1000_homes" in data__metrics_keys:
                    data__metrics_keys.remove("complaints_per_1000_homes")
                    data__metrics__complaintsper1000homes = data__metrics["complaints_per_1000_homes"]
                    if not isinstance(data__metrics__complaintsper1000homes, (int, float, Decimal)) or isinstance(data__metrics__complaintsper1000homes, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".metrics.complaints_per_1000_homes must be number")
                    if isinstance(data__metrics__complaintsper1000homes, (int, float, Decimal)) and not isinstance(data__metrics__complaintsper1000homes, bool):
                        if data__metrics__complaintsper1000homes < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".metrics.complaints_per_1000_homes must be bigger than or equal to 0")
                if data__metrics_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".metrics must not contain "+str(data__metrics_keys)+" properties")
        if "annual_report" in data_keys:
            data_keys.remove("annual_report")
            data__annualreport = data["annual_report"]
            if not isinstance(data__annualreport, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report must be object")
            data__annualreport_is_dict = isinstance(data__annualreport, dict)
            if data__annualreport_is_dict:
                data__annualreport_keys = set(data__annualreport.keys())
                if "title" in data__annualreport_keys:
                    data__annualreport_keys.remove("title")
                    data__annualreport__title = data__annualreport["title"]
                    if not isinstance(data__annualreport__title, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.title must be string")
                if "url" in data__annualreport_keys:
                    data__annualreport_keys.remove("url")
                    data__annualreport__url = data__annualreport["url"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_url(data__annualreport__url, custom_formats, (name_prefix or "data") + ".annual_report.url")
                if "foreword" in data__annualreport_keys:
                    data__annualreport_keys.remove("foreword")
                    data__annualreport__foreword = data__annualreport["foreword"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_foreword(data__annualreport__foreword, custom_formats, (name_prefix or "data") + ".annual_report.foreword")
                if "introduction" in data__annualreport_keys:
                    data__annualreport_keys.remove("introduction")
                    data__annualreport__introduction = data__annualreport["introduction"]
                    if not isinstance(data__annualreport__introduction, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.introduction must be string")
                if "self_assessment_summary" in data__annualreport_keys:
                    data__annualreport_keys.remove("self_assessment_summary")
                    data__annualreport__selfassessmentsummary = data__annualreport["self_assessment_summary"]
                    if not isinstance(data__annualreport__selfassessmentsummary, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.self_assessment_summary must be string")
                if "self_assessment" in data__annualreport_keys:
                    data__annualreport_keys.remove("self_assessment")
                    data__annualreport__selfassessment = data__annualreport["self_assessment"]
                    if not isinstance(data__annualreport__selfassessment, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.self_assessment must be string")
                if "performance_commentary" in data__annualreport_keys:
                    data__annualreport_keys.remove("performance_commentary")
                    data__annualreport__performancecommentary = data__annualreport["performance_commentary"]
                    if not isinstance(data__annualreport__performancecommentary, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.performance_commentary must be string")
                if "performance" in data__annualreport_keys:
                    data__annualreport_keys.remove("performance")
                    data__annualreport__performance = data__annualreport["performance"]
                    if not isinstance(data__annualreport__performance, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.performance must be string")
                if "analysis" in data__annualreport_keys:
                    data__annualreport_keys.remove("analysis")
                    data__annualreport__analysis = data__annualreport["analysis"]
                    if not isinstance(data__annualreport__analysis, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.analysis must be string")
                if "tenant_satisfaction_measures" in data__annualreport_keys:
                    data__annualreport_keys.remove("tenant_satisfaction_measures")
                    data__annualreport__tenantsatisfactionmeasures = data__annualreport["tenant_satisfaction_measures"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_tsm(data__annualreport__tenantsatisfactionmeasures, custom_formats, (name_prefix or "data") + ".annual_report.tenant_satisfaction_measures")
                if "tsm" in data__annualreport_keys:
                    data__annualreport_keys.remove("tsm")
                    data__annualreport__tsm = data__annualreport["tsm"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_tsm(data__annualreport__tsm, custom_formats, (name_prefix or "data") + ".annual_report.tsm")
                if "timeliness_by_quarter" in data__annualreport_keys:
                    data__annualreport_keys.remove("timeliness_by_quarter")
                    data__annualreport__timelinessbyquarter = data__annualreport["timeliness_by_quarter"]
                    if not isinstance(data__annualreport__timelinessbyquarter, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.timeliness_by_quarter must be object")
                    data__annualreport__timelinessbyquarter_is_dict = isinstance(data__annualreport__timelinessbyquarter, dict)
                    if data__annualreport__timelinessbyquarter_is_dict:
                        data__annualreport__timelinessbyquarter_keys = set(data__annualreport__timelinessbyquarter.keys())
                        if "Q1" in data__annualreport__timelinessbyquarter_keys:
                            data__annualreport__timelinessbyquarter_keys.remove("Q1")
                            data__annualreport__timelinessbyquarter__Q1 = data__annualreport__timelinessbyquarter["Q1"]
                            if not isinstance(data__annualreport__timelinessbyquarter__Q1, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q1 must be object")
                            data__annualreport__timelinessbyquarter__Q1_is_dict = isinstance(data__annualreport__timelinessbyquarter__Q1, dict)
                            if data__annualreport__timelinessbyquarter__Q1_is_dict:
                                data__annualreport__timelinessbyquarter__Q1_keys = set(data__annualreport__timelinessbyquarter__Q1.keys())
                                if "stage1" in data__annualreport__timelinessbyquarter__Q1_keys:
                                    data__annualreport__timelinessbyquarter__Q1_keys.remove("stage1")
                                    data__annualreport__timelinessbyquarter__Q1__stage1 = data__annualreport__timelinessbyquarter__Q1["stage1"]
                                    validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__annualreport__timelinessbyquarter__Q1__stage1, custom_formats, (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q1.stage1")
                                if "stage2" in data__annualreport__timelinessbyquarter__Q1_keys:
                                    data__annualreport__timelinessbyquarter__Q1_keys.remove("stage2")
                                    data__annualreport__timelinessbyquarter__Q1__stage2 = data__annualreport__timelinessbyquarter__Q1["stage2"]
                                    validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__annualreport__timelinessbyquarter__Q1__stage2, custom_formats, (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q1.stage2")
                                if data__annualreport__timelinessbyquarter__Q1_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q1 must not contain "+str(data__annualreport__timelinessbyquarter__Q1_keys)+" properties")
                        if "Q2" in data__annualreport__timelinessbyquarter_keys:
                            data__annualreport__timelinessbyquarter_keys.remove("Q2")
                            data__annualreport__timelinessbyquarter__Q2 = data__annualreport__timelinessbyquarter["Q2"]
                            if not isinstance(data__annualreport__timelinessbyquarter__Q2, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q2 must be object")
                            data__annualreport__timelinessbyquarter__Q2_is_dict = isinstance(data__annualreport__timelinessbyquarter__Q2, dict)
                            if data__annualreport__timelinessbyquarter__Q2_is_dict:
                                data__annualreport__timelinessbyquarter__Q2_keys = set(data__annualreport__timelinessbyquarter__Q2.keys())
                                if "stage1" in data__annualreport__timelinessbyquarter__Q2_keys:
                                    data__annualreport__timelinessbyquarter__Q2_keys.remove("stage1")
                                    data__annualreport__timelinessbyquarter__Q2__stage1 = data__annualreport__timelinessbyquarter__Q2["stage1"]
                                    validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__annualreport__timelinessbyquarter__Q2__stage1, custom_formats, (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q2.stage1")
                                if "stage2" in data__annualreport__timelinessbyquarter__Q2_keys:
                                    data__annualreport__timelinessbyquarter__Q2_keys.remove("stage2")
                                    data__annualreport__timelinessbyquarter__Q2__stage2 = data__annualreport__timelinessbyquarter__Q2["stage2"]
                                    validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__annualreport__timelinessbyquarter__Q2__stage2, custom_formats, (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q2.stage2")
                                if data__annualreport__timelinessbyquarter__Q2_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q2 must not contain "+str(data__annualreport__timelinessbyquarter__Q2_keys)+" properties")
                        if "Q3" in data__annualreport__timelinessbyquarter_keys:
                            data__annualreport__timelinessbyquarter_keys.remove("Q3")
                            data__annualreport__timelinessbyquarter__Q3 = data__annualreport__timelinessbyquarter["Q3"]
                            if not isinstance(data__annualreport__timelinessbyquarter__Q3, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q3 must be object")
                            data__annualreport__timelinessbyquarter__Q3_is_dict = isinstance(data__annualreport__timelinessbyquarter__Q3, dict)
                            if data__annualreport__timelinessbyquarter__Q3_is_dict:
                                data__annualreport__timelinessbyquarter__Q3_keys = set(data__annualreport__timelinessbyquarter__Q3.keys())
                                if "stage1" in data__annualreport__timelinessbyquarter__Q3_keys:
                                    data__annualreport__timelinessbyquarter__Q3_keys.remove("stage1")
                                    data__annualreport__timelinessbyquarter__Q3__stage1 = data__annualreport__timelinessbyquarter__Q3["stage1"]
                                    validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__annualreport__timelinessbyquarter__Q3__stage1, custom_formats, (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q3.stage1")
                                if "stage2" in data__annualreport__timelinessbyquarter__Q3_keys:
                                    data__annualreport__timelinessbyquarter__Q3_keys.remove("stage2")
                                    data__annualreport__timelinessbyquarter__Q3__stage2 = data__annualreport__timelinessbyquarter__Q3["stage2"]
                                    validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__annualreport__timelinessbyquarter__Q3__stage2, custom_formats, (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q3.stage2")
                                if data__annualreport__timelinessbyquarter__Q3_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q3 must not contain "+str(data__annualreport__timelinessbyquarter__Q3_keys)+" properties")
                        if "Q4" in data__annualreport__timelinessbyquarter_keys:
                            data__annualreport__timelinessbyquarter_keys.remove("Q4")
                            data__annualreport__timelinessbyquarter__Q4 = data__annualreport__timelinessbyquarter["Q4"]
                            if not isinstance(data__annualreport__timelinessbyquarter__Q4, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q4 must be object")
                            data__annualreport__timelinessbyquarter__Q4_is_dict = isinstance(data__annualreport__timelinessbyquarter__Q4, dict)
                            if data__annualreport__timelinessbyquarter__Q4_is_dict:
                                data__annualreport__timelinessbyquarter__Q4_keys = set(data__annualreport__timelinessbyquarter__Q4.keys())
                                if "stage1" in data__annualreport__timelinessbyquarter__Q4_keys:
                                    data__annualreport__timelinessbyquarter__Q4_keys.remove("stage1")
                                    data__annualreport__timelinessbyquarter__Q4__stage1 = data__annualreport__timelinessbyquarter__Q4["stage1"]
                                    validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__annualreport__timelinessbyquarter__Q4__stage1, custom_formats, (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q4.stage1")
                                if "stage2" in data__annualreport__timelinessbyquarter__Q4_keys:
                                    data__annualreport__timelinessbyquarter__Q4_keys.remove("stage2")
                                    data__annualreport__timelinessbyquarter__Q4__stage2 = data__annualreport__timelinessbyquarter__Q4["stage2"]
                                    validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__annualreport__timelinessbyquarter__Q4__stage2, custom_formats, (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q4.stage2")
                                if data__annualreport__timelinessbyquarter__Q4_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.timeliness_by_quarter.Q4 must not contain "+str(data__annualreport__timelinessbyquarter__Q4_keys)+" properties")
                        if data__annualreport__timelinessbyquarter_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.timeliness_by_quarter must not contain "+str(data__annualreport__timelinessbyquarter_keys)+" properties")
                if "outcomes" in data__annualreport_keys:
                    data__annualreport_keys.remove("outcomes")
                    data__annualreport__outcomes = data__annualreport["outcomes"]
                    if not isinstance(data__annualreport__outcomes, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.outcomes must be object")
                    data__annualreport__outcomes_is_dict = isinstance(data__annualreport__outcomes, dict)
                    if data__annualreport__outcomes_is_dict:
                        data__annualreport__outcomes_keys = set(data__annualreport__outcomes.keys())
                        if "stage1" in data__annualreport__outcomes_keys:
                            data__annualreport__outcomes_keys.remove("stage1")
                            data__annualreport__outcomes__stage1 = data__annualreport__outcomes["stage1"]
                            if not isinstance(data__annualreport__outcomes__stage1, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.outcomes.stage1 must be object")
                            data__annualreport__outcomes__stage1_is_dict = isinstance(data__annualreport__outcomes__stage1, dict)
                            if data__annualreport__outcomes__stage1_is_dict:
                                data__annualreport__outcomes__stage1_keys = set(data__annualreport__outcomes__stage1.keys())
                                for data__annualreport__outcomes__stage1_key in data__annualreport__outcomes__stage1_keys:
                                    if data__annualreport__outcomes__stage1_key not in []:
                                        data__annualreport__outcomes__stage1_value = data__annualreport__outcomes__stage1.get(data__annualreport__outcomes__stage1_key)
                                        if not isinstance(data__annualreport__outcomes__stage1_value, (int, NoneType)) and not (isinstance(data__annualreport__outcomes__stage1_value, float) and data__annualreport__outcomes__stage1_value.is_integer()) or isinstance(data__annualreport__outcomes__stage1_value, bool):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.outcomes.stage1.{data__annualreport__outcomes__stage1_key}".format(**locals()) + " must be integer or null")
                                        if isinstance(data__annualreport__outcomes__stage1_value, (int, float, Decimal)) and not isinstance(data__annualreport__outcomes__stage1_value, bool):
                                            if data__annualreport__outcomes__stage1_value < 0:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.outcomes.stage1.{data__annualreport__outcomes__stage1_key}".format(**locals()) + " must be bigger than or equal to 0")
                        if "stage2" in data__annualreport__outcomes_keys:
                            data__annualreport__outcomes_keys.remove("stage2")
                            data__annualreport__outcomes__stage2 = data__annualreport__outcomes["stage2"]
                            if not isinstance(data__annualreport__outcomes__stage2, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.outcomes.stage2 must be object")
                            data__annualreport__outcomes__stage2_is_dict = isinstance(data__annualreport__outcomes__stage2, dict)
                            if data__annualreport__outcomes__stage2_is_dict:
                                data__annualreport__outcomes__stage2_keys = set(data__annualreport__outcomes__stage2.keys())
                                for data__annualreport__outcomes__stage2_key in data__annualreport__outcomes__stage2_keys:
                                    if data__annualreport__outcomes__stage2_key not in []:
                                        data__annualreport__outcomes__stage2_value = data__annualreport__outcomes__stage2.get(data__annualreport__outcomes__stage2_key)
                                        if not isinstance(data__annualreport__outcomes__stage2_value, (int, NoneType)) and not (isinstance(data__annualreport__outcomes__stage2_value, float) and data__annualreport__outcomes__stage2_value.is_integer()) or isinstance(data__annualreport__outcomes__stage2_value, bool):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.outcomes.stage2.{data__annualreport__outcomes__stage2_key}".format(**locals()) + " must be integer or null")
                                        if isinstance(data__annualreport__outcomes__stage2_value, (int, float, Decimal)) and not isinstance(data__annualreport__outcomes__stage2_value, bool):
                                            if data__annualreport__outcomes__stage2_value < 0:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.outcomes.stage2.{data__annualreport__outcomes__stage2_key}".format(**locals()) + " must be bigger than or equal to 0")
                        if data__annualreport__outcomes_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.outcomes must not contain "+str(data__annualreport__outcomes_keys)+" properties")
                if "categories" in data__annualreport_keys:
                    data__annualreport_keys.remove("categories")
                    data__annualreport__categories = data__annualreport["categories"]
                    data__annualreport__categories_one_of_count1 = 0
                    if data__annualreport__categories_one_of_count1 < 2:
                        try:
                            if not isinstance(data__annualreport__categories, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.categories must be string")
                            data__annualreport__categories_one_of_count1 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if data__annualreport__categories_one_of_count1 < 2:
                        try:
                            if not isinstance(data__annualreport__categories, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.categories must be object")
                            data__annualreport__categories_is_dict = isinstance(data__annualreport__categories, dict)
                            if data__annualreport__categories_is_dict:
                                data__annualreport__categories_keys = set(data__annualreport__categories.keys())
                                if "stage1" in data__annualreport__categories_keys:
                                    data__annualreport__categories_keys.remove("stage1")
                                    data__annualreport__categories__stage1 = data__annualreport__categories["stage1"]
                                    if not isinstance(data__annualreport__categories__stage1, (dict)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.categories.stage1 must be object")
                                    data__annualreport__categories__stage1_is_dict = isinstance(data__annualreport__categories__stage1, dict)
                                    if data__annualreport__categories__stage1_is_dict:
                                        data__annualreport__categories__stage1_keys = set(data__annualreport__categories__stage1.keys())
                                        for data__annualreport__categories__stage1_key in data__annualreport__categories__stage1_keys:
                                            if data__annualreport__categories__stage1_key not in []:
                                                data__annualreport__categories__stage1_value = data__annualreport__categories__stage1.get(data__annualreport__categories__stage1_key)
                                                if not isinstance(data__annualreport__categories__stage1_value, (int, NoneType)) and not (isinstance(data__annualreport__categories__stage1_value, float) and data__annualreport__categories__stage1_value.is_integer()) or isinstance(data__annualreport__categories__stage1_value, bool):
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.categories.stage1.{data__annualreport__categories__stage1_key}".format(**locals()) + " must be integer or null")
                                                if isinstance(data__annualreport__categories__stage1_value, (int, float, Decimal)) and not isinstance(data__annualreport__categories__stage1_value, bool):
                                                    if data__annualreport__categories__stage1_value < 0:
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.categories.stage1.{data__annualreport__categories__stage1_key}".format(**locals()) + " must be bigger than or equal to 0")
                                if "stage2" in data__annualreport__categories_keys:
                                    data__annualreport__categories_keys.remove("stage2")
                                    data__annualreport__categories__stage2 = data__annualreport__categories["stage2"]
                                    if not isinstance(data__annualreport__categories__stage2, (dict)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.categories.stage2 must be object")
                                    data__annualreport__categories__stage2_is_dict = isinstance(data__annualreport__categories__stage2, dict)
                                    if data__annualreport__categories__stage2_is_dict:
                                        data__annualreport__categories__stage2_keys = set(data__annualreport__categories__stage2.keys())
                                        for data__annualreport__categories__stage2_key in data__annualreport__categories__stage2_keys:
                                            if data__annualreport__categories__stage2_key not in []:
                                                data__annualreport__categories__stage2_value = data__annualreport__categories__stage2.get(data__annualreport__categories__stage2_key)
                                                if not isinstance(data__annualreport__categories__stage2_value, (int, NoneType)) and not (isinstance(data__annualreport__categories__stage2_value, float) and data__annualreport__categories__stage2_value.is_integer()) or isinstance(data__annualreport__categories__stage2_value, bool):
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.categories.stage2.{data__annualreport__categories__stage2_key}".format(**locals()) + " must be integer or null")
                                                if isinstance(data__annualreport__categories__stage2_value, (int, float, Decimal)) and not isinstance(data__annualreport__categories__stage2_value, bool):
                                                    if data__annualreport__categories__stage2_value < 0:
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.categories.stage2.{data__annualreport__categories__stage2_key}".format(**locals()) + " must be bigger than or equal to 0")
                                if data__annualreport__categories_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.categories must not contain "+str(data__annualreport__categories_keys)+" properties")
                            data__annualreport__categories_one_of_count1 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if data__annualreport__categories_one_of_count1 != 1:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.categories must be valid exactly by one definition")
                if "categories_commentary" in data__annualreport_keys:
                    data__annualreport_keys.remove("categories_commentary")
                    data__annualreport__categoriescommentary = data__annualreport["categories_commentary"]
                    if not isinstance(data__annualreport__categoriescommentary, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.categories_commentary must be string")
                if "sub_categories" in data__annualreport_keys:
                    data__annualreport_keys.remove("sub_categories")
                    data__annualreport__subcategories = data__annualreport["sub_categories"]
                    if not isinstance(data__annualreport__subcategories, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.sub_categories must be object")
                    data__annualreport__subcategories_is_dict = isinstance(data__annualreport__subcategories, dict)
                    if data__annualreport__subcategories_is_dict:
                        data__annualreport__subcategories_keys = set(data__annualreport__subcategories.keys())
                        for data__annualreport__subcategories_key in data__annualreport__subcategories_keys:
                            if data__annualreport__subcategories_key not in []:
                                data__annualreport__subcategories_value = data__annualreport__subcategories.get(data__annualreport__subcategories_key)
                                if not isinstance(data__annualreport__subcategories_value, (dict)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.sub_categories.{data__annualreport__subcategories_key}".format(**locals()) + " must be object")
                                data__annualreport__subcategories_value_is_dict = isinstance(data__annualreport__subcategories_value, dict)
                                if data__annualreport__subcategories_value_is_dict:
                                    data__annualreport__subcategories_value_keys = set(data__annualreport__subcategories_value.keys())
                                    for data__annualreport__subcategories_value_key in data__annualreport__subcategories_value_keys:
                                        if data__annualreport__subcategories_value_key not in []:
                                            data__annualreport__subcategories_value_value = data__annualreport__subcategories_value.get(data__annualreport__subcategories_value_key)
                                            if not isinstance(data__annualreport__subcategories_value_value, (int, NoneType)) and not (isinstance(data__annualreport__subcategories_value_value, float) and data__annualreport__subcategories_value_value.is_integer()) or isinstance(data__annualreport__subcategories_value_value, bool):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.sub_categories.{data__annualreport__subcategories_key}.{data__annualreport__subcategories_value_key}".format(**locals()) + " must be integer or null")
                                            if isinstance(data__annualreport__subcategories_value_value, (int, float, Decimal)) and not isinstance(data__annualreport__subcategories_value_value, bool):
                                                if data__annualreport__subcategories_value_value < 0:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.sub_categories.{data__annualreport__subcategories_key}.{data__annualreport__subcategories_value_key}".format(**locals()) + " must be bigger than or equal to 0")
                if "refused" in data__annualreport_keys:
                    data__annualreport_keys.remove("refused")
                    data__annualreport__refused = data__annualreport["refused"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_refused(data__annualreport__refused, custom_formats, (name_prefix or "data") + ".annual_report.refused")
                if "refused_complaints" in data__annualreport_keys:
                    data__annualreport_keys.remove("refused_complaints")
                    data__annualreport__refusedcomplaints = data__annualreport["refused_complaints"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_refused(data__annualreport__refusedcomplaints, custom_formats, (name_prefix or "data") + ".annual_report.refused_complaints")
                if "not_accepted" in data__annualreport_keys:
                    data__annualreport_keys.remove("not_accepted")
                    data__annualreport__notaccepted = data__annualreport["not_accepted"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_refused(data__annualreport__notaccepted, custom_formats, (name_prefix or "data") + ".annual_report.not_accepted")
                if "complaints_not_accepted" in data__annualreport_keys:
                    data__annualreport_keys.remove("complaints_not_accepted")
                    data__annualreport__complaintsnotaccepted = data__annualreport["complaints_not_accepted"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_refused(data__annualreport__complaintsnotaccepted, custom_formats, (name_prefix or "data") + ".annual_report.complaints_not_accepted")
                if "compensation" in data__annualreport_keys:
                    data__annualreport_keys.remove("compensation")
                    data__annualreport__compensation = data__annualreport["compensation"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_compensation(data__annualreport__compensation, custom_formats, (name_prefix or "data") + ".annual_report.compensation")
                if "ombudsman" in data__annualreport_keys:
                    data__annualreport_keys.remove("ombudsman")
                    data__annualreport__ombudsman = data__annualreport["ombudsman"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_ombudsman(data__annualreport__ombudsman, custom_formats, (name_prefix or "data") + ".annual_report.ombudsman")
                if "housing_ombudsman" in data__annualreport_keys:
                    data__annualreport_keys.remove("housing_ombudsman")
                    data__annualreport__housingombudsman = data__annualreport["housing_ombudsman"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_ombudsman(data__annualreport__housingombudsman, custom_formats, (name_prefix or "data") + ".annual_report.housing_ombudsman")
                if "ombudsman_determinations" in data__annualreport_keys:
                    data__annualreport_keys.remove("ombudsman_determinations")
                    data__annualreport__ombudsmandeterminations = data__annualreport["ombudsman_determinations"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_determinations(data__annualreport__ombudsmandeterminations, custom_formats, (name_prefix or "data") + ".annual_report.ombudsman_determinations")
                if "determinations" in data__annualreport_keys:
                    data__annualreport_keys.remove("determinations")
                    data__annualreport__determinations = data__annualreport["determinations"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_determinations(data__annualreport__determinations, custom_formats, (name_prefix or "data") + ".annual_report.determinations")
                if "non_compliance" in data__annualreport_keys:
                    data__annualreport_keys.remove("non_compliance")
                    data__annualreport__noncompliance = data__annualreport["non_compliance"]
                    if not isinstance(data__annualreport__noncompliance, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.non_compliance must be array")
                    data__annualreport__noncompliance_is_list = isinstance(data__annualreport__noncompliance, (list, tuple))
                    if data__annualreport__noncompliance_is_list:
                        data__annualreport__noncompliance_len = len(data__annualreport__noncompliance)
                        for data__annualreport__noncompliance_x, data__annualreport__noncompliance_item in enumerate(data__annualreport__noncompliance):
                            validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_item(data__annualreport__noncompliance_item, custom_formats, (name_prefix or "data") + ".annual_report.non_compliance[{data__annualreport__noncompliance_x}]".format(**locals()))
                if "ombudsman_annual_report" in data__annualreport_keys:
                    data__annualreport_keys.remove("ombudsman_annual_report")
                    data__annualreport__ombudsmanannualreport = data__annualreport["ombudsman_annual_report"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_item(data__annualreport__ombudsmanannualreport, custom_formats, (name_prefix or "data") + ".annual_report.ombudsman_annual_report")
                if "ombudsman_performance_report" in data__annualreport_keys:
                    data__annualreport_keys.remove("ombudsman_performance_report")
                    data__annualreport__ombudsmanperformancereport = data__annualreport["ombudsman_performance_report"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_item(data__annualreport__ombudsmanperformancereport, custom_formats, (name_prefix or "data") + ".annual_report.ombudsman_performance_report")
                if "ombudsman_report" in data__annualreport_keys:
                    data__annualreport_keys.remove("ombudsman_report")
                    data__annualreport__ombudsmanreport = data__annualreport["ombudsman_report"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_item(data__annualreport__ombudsmanreport, custom_formats, (name_prefix or "data") + ".annual_report.ombudsman_report")
                if "other_reports" in data__annualreport_keys:
                    data__annualreport_keys.remove("other_reports")
                    data__annualreport__otherreports = data__annualreport["other_reports"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_reports(data__annualreport__otherreports, custom_formats, (name_prefix or "data") + ".annual_report.other_reports")
                if "other_ombudsman_reports" in data__annualreport_keys:
                    data__annualreport_keys.remove("other_ombudsman_reports")
                    data__annualreport__otherombudsmanreports = data__annualreport["other_ombudsman_reports"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_reports(data__annualreport__otherombudsmanreports, custom_formats, (name_prefix or "data") + ".annual_report.other_ombudsman_reports")
                if "other_ombudsman_publications" in data__annualreport_keys:
                    data__annualreport_keys.remove("other_ombudsman_publications")
                    data__annualreport__otherombudsmanpublications = data__annualreport["other_ombudsman_publications"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_reports(data__annualreport__otherombudsmanpublications, custom_formats, (name_prefix or "data") + ".annual_report.other_ombudsman_publications")
                if "improvements" in data__annualreport_keys:
                    data__annualreport_keys.remove("improvements")
                    data__annualreport__improvements = data__annualreport["improvements"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_improvements(data__annualreport__improvements, custom_formats, (name_prefix or "data") + ".annual_report.improvements")
                if "service_improvements" in data__annualreport_keys:
                    data__annualreport_keys.remove("service_improvements")
                    data__annualreport__serviceimprovements = data__annualreport["service_improvements"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_improvements(data__annualreport__serviceimprovements, custom_formats, (name_prefix or "data") + ".annual_report.service_improvements")
                if "you_said_we_did" in data__annualreport_keys:
                    data__annualreport_keys.remove("you_said_we_did")
                    data__annualreport__yousaidwedid = data__annualreport["you_said_we_did"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_improvements(data__annualreport__yousaidwedid, custom_formats, (name_prefix or "data") + ".annual_report.you_said_we_did")
                if "learning" in data__annualreport_keys:
                    data__annualreport_keys.remove("learning")
                    data__annualreport__learning = data__annualreport["learning"]
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_improvements(data__annualreport__learning, custom_formats, (name_prefix or "data") + ".annual_report.learning")
                if "lessons" in data__annualreport_keys:
                    data__annualreport_keys.remove("lessons")
                    data__annualreport__lessons = data__annualreport["lessons"]
                    if not isinstance(data__annualreport__lessons, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.lessons must be string")
                if "lessons_learned" in data__annualreport_keys:
                    data__annualreport_keys.remove("lessons_learned")
                    data__annualreport__lessonslearned = data__annualreport["lessons_learned"]
                    if not isinstance(data__annualreport__lessonslearned, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report.lessons_learned must be string")
                if data__annualreport_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".annual_report must not contain "+str(data__annualreport_keys)+" properties")
        if "answers" in data_keys:
            data_keys.remove("answers")
            data__answers = data["answers"]
            if not isinstance(data__answers, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".answers must be object")
            data__answers_is_dict = isinstance(data__answers, dict)
            if data__answers_is_dict:
                data__answers_keys = set(data__answers.keys())
                for data__answers_key in data__answers_keys:
                    if data__answers_key not in []:
                        data__answers_value = data__answers.get(data__answers_key)
                        validate_https___chc_invalid_schemas_submission_schema_json___defs_answer(data__answers_value, custom_formats, (name_prefix or "data") + ".answers.{data__answers_key}".format(**locals()))
                data__answers_len = len(data__answers)
                if data__answers_len != 0:
                    data__answers_property_names = True
                    for data__answers_key in data__answers:
                        try:
                            if isinstance(data__answers_key, str):
                                if not REGEX_PATTERNS['^[0-9]+\\.[0-9]+$'].search(data__answers_key):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".answers must match pattern ^[0-9]+\\.[0-9]+$")
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data__answers_property_names = False
                    if not data__answers_property_names:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".answers must be named by propertyName definition")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json___defs_answer(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "comply" in data_keys:
            data_keys.remove("comply")
            data__comply = data["comply"]
            if not isinstance(data__comply, (str, bool, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".comply must be string or boolean or null")
        if "value" in data_keys:
            data_keys.remove("value")
            data__value = data["value"]
            if not isinstance(data__value, (int, float, Decimal)) or isinstance(data__value, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".value must be number")
        if "values" in data_keys:
            data_keys.remove("values")
            data__values = data["values"]
            if not isinstance(data__values, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".values must be object")
            data__values_is_dict = isinstance(data__values, dict)
            if data__values_is_dict:
                data__values_len = len(data__values)
                if data__values_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".values must contain at least 1 properties")
                data__values_keys = set(data__values.keys())
                for data__values_key in data__values_keys:
                    if data__values_key not in []:
                        data__values_value = data__values.get(data__values_key)
                        if not isinstance(data__values_value, (int, float, Decimal)) or isinstance(data__values_value, bool):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".values.{data__values_key}".format(**locals()) + " must be number")
                if data__values_len != 0:
                    data__values_property_names = True
                    for data__values_key in data__values:
                        try:
                            if isinstance(data__values_key, str):
                                if not REGEX_PATTERNS['^[a-z]$'].search(data__values_key):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".values must match pattern ^[a-z]$")
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data__values_property_names = False
                    if not data__values_property_names:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".values must be named by propertyName definition")
        if "text" in data_keys:
            data_keys.remove("text")
            data__text = data["text"]
            if not isinstance(data__text, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be string")
            if isinstance(data__text, str):
                data__text_len = len(data__text)
                if data__text_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be longer than or equal to 1 characters")
        if "choice" in data_keys:
            data_keys.remove("choice")
            data__choice = data["choice"]
            if not isinstance(data__choice, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".choice must be string")
            if isinstance(data__choice, str):
                data__choice_len = len(data__choice)
                if data__choice_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".choice must be longer than or equal to 1 characters")
        if "evidence" in data_keys:
            data_keys.remove("evidence")
            data__evidence = data["evidence"]
            if not isinstance(data__evidence, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".evidence must be array")
            data__evidence_is_list = isinstance(data__evidence, (list, tuple))
            if data__evidence_is_list:
                data__evidence_len = len(data__evidence)
                for data__evidence_x, data__evidence_item in enumerate(data__evidence):
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_evidence_item(data__evidence_item, custom_formats, (name_prefix or "data") + ".evidence[{data__evidence_x}]".format(**locals()))
        if "commentary" in data_keys:
            data_keys.remove("commentary")
            data__commentary = data["commentary"]
            if not isinstance(data__commentary, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".commentary must be string")
        if "explanation" in data_keys:
            data_keys.remove("explanation")
            data__explanation = data["explanation"]
            if not isinstance(data__explanation, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".explanation must be string")
        if "reason" in data_keys:
            data_keys.remove("reason")
            data__reason = data["reason"]
            if not isinstance(data__reason, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reason must be string")
        if "action" in data_keys:
            data_keys.remove("action")
            data__action = data["action"]
            validate_https___chc_invalid_schemas_submission_schema_json___defs_action(data__action, custom_formats, (name_prefix or "data") + ".action")
        if "needs_review" in data_keys:
            data_keys.remove("needs_review")
            data__needsreview = data["needs_review"]
            if not isinstance(data__needsreview, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".needs_review must be boolean")
        if "carried_from" in data_keys:
            data_keys.remove("carried_from")
            data__carriedfrom = data["carried_from"]
            if not isinstance(data__carriedfrom, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".carried_from must be array")
            data__carriedfrom_is_list = isinstance(data__carriedfrom, (list, tuple))
            if data__carriedfrom_is_list:
                data__carriedfrom_len = len(data__carriedfrom)
                for data__carriedfrom_x, data__carriedfrom_item in enumerate(data__carriedfrom):
                    if not isinstance(data__carriedfrom_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".carried_from[{data__carriedfrom_x}]".format(**locals()) + " must be string")
        if "reviewed" in data_keys:
            data_keys.remove("reviewed")
            data__reviewed = data["reviewed"]
            if not isinstance(data__reviewed, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reviewed must be array")
            data__reviewed_is_list = isinstance(data__reviewed, (list, tuple))
            if data__reviewed_is_list:
                data__reviewed_len = len(data__reviewed)
                for data__reviewed_x, data__reviewed_item in enumerate(data__reviewed):
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_reviewed(data__reviewed_item, custom_formats, (name_prefix or "data") + ".reviewed[{data__reviewed_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json___defs_reviewed(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['rule', 'by', 'on', 'why']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "rule" in data_keys:
            data_keys.remove("rule")
            data__rule = data["rule"]
            if not isinstance(data__rule, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".rule must be string")
            if isinstance(data__rule, str):
                data__rule_len = len(data__rule)
                if data__rule_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".rule must be longer than or equal to 1 characters")
        if "by" in data_keys:
            data_keys.remove("by")
            data__by = data["by"]
            if not isinstance(data__by, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".by must be string")
            if isinstance(data__by, str):
                data__by_len = len(data__by)
                if data__by_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".by must be longer than or equal to 1 characters")
        if "on" in data_keys:
            data_keys.remove("on")
            data__on = data["on"]
            validate_https___chc_invalid_schemas_submission_schema_json___defs_date(data__on, custom_formats, (name_prefix or "data") + ".on")
        if "why" in data_keys:
            data_keys.remove("why")
            data__why = data["why"]
            if not isinstance(data__why, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".why must be string")
            if isinstance(data__why, str):
                data__why_len = len(data__why)
                if data__why_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".why must be longer than or equal to 1 characters")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json___defs_action(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['what']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "what" in data_keys:
            data_keys.remove("what")
            data__what = data["what"]
            if not isinstance(data__what, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".what must be string")
            if isinstance(data__what, str):
                data__what_len = len(data__what)
                if data__what_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".what must be longer than or equal to 1 characters")
        if "owner" in data_keys:
            data_keys.remove("owner")
            data__owner = data["owner"]
            if not isinstance(data__owner, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".owner must be string")
        if "target_date" in data_keys:
            data_keys.remove("target_date")
            data__targetdate = data["target_date"]
            if not isinstance(data__targetdate, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".target_date must be string")
            if isinstance(data__targetdate, str):
                data__targetdate_len = len(data__targetdate)
                if data__targetdate_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".target_date must be longer than or equal to 1 characters")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_improvements(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list, tuple)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array")
    data_is_list = isinstance(data, (list, tuple))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_improvement(data_item, custom_formats, (name_prefix or "data") + "[{data_x}]".format(**locals()))
    return data

def validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_improvement(data, custom_formats={}, name_prefix=None):
    data_one_of_count2 = 0
    if data_one_of_count2 < 2:
        try:
            if not isinstance(data, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string")
            data_one_of_count2 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count2 < 2:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data_keys = set(data.keys())
                if "theme" in data_keys:
                    data_keys.remove("theme")
                    data__theme = data["theme"]
                    if not isinstance(data__theme, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".theme must be string")
                if "title" in data_keys:
                    data_keys.remove("title")
                    data__title = data["title"]
                    if not isinstance(data__title, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string")
                if "area" in data_keys:
                    data_keys.remove("area")
                    data__area = data["area"]
                    if not isinstance(data__area, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".area must be string")
                if "issue" in data_keys:
                    data_keys.remove("issue")
                    data__issue = data["issue"]
                    if not isinstance(data__issue, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".issue must be string")
                if "you_said" in data_keys:
                    data_keys.remove("you_said")
                    data__yousaid = data["you_said"]
                    if not isinstance(data__yousaid, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".you_said must be string")
                if "heard" in data_keys:
                    data_keys.remove("heard")
                    data__heard = data["heard"]
                    if not isinstance(data__heard, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".heard must be string")
                if "what_happened" in data_keys:
                    data_keys.remove("what_happened")
                    data__whathappened = data["what_happened"]
                    if not isinstance(data__whathappened, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".what_happened must be string")
                if "problem" in data_keys:
                    data_keys.remove("problem")
                    data__problem = data["problem"]
                    if not isinstance(data__problem, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".problem must be string")
                if "learned" in data_keys:
                    data_keys.remove("learned")
                    data__learned = data["learned"]
                    if not isinstance(data__learned, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".learned must be string")
                if "learning" in data_keys:
                    data_keys.remove("learning")
                    data__learning = data["learning"]
                    if not isinstance(data__learning, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".learning must be string")
                if "what_we_learned" in data_keys:
                    data_keys.remove("what_we_learned")
                    data__whatwelearned = data["what_we_learned"]
                    if not isinstance(data__whatwelearned, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".what_we_learned must be string")
                if "lesson" in data_keys:
                    data_keys.remove("lesson")
                    data__lesson = data["lesson"]
                    if not isinstance(data__lesson, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".lesson must be string")
                if "we_did" in data_keys:
                    data_keys.remove("we_did")
                    data__wedid = data["we_did"]
                    if not isinstance(data__wedid, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".we_did must be string")
                if "did" in data_keys:
                    data_keys.remove("did")
                    data__did = data["did"]
                    if not isinstance(data__did, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".did must be string")
                if "action" in data_keys:
                    data_keys.remove("action")
                    data__action = data["action"]
                    if not isinstance(data__action, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".action must be string")
                if "what_we_did" in data_keys:
                    data_keys.remove("what_we_did")
                    data__whatwedid = data["what_we_did"]
                    if not isinstance(data__whatwedid, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".what_we_did must be string")
                if "change" in data_keys:
                    data_keys.remove("change")
                    data__change = data["change"]
                    if not isinstance(data__change, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".change must be string")
                if "response" in data_keys:
                    data_keys.remove("response")
                    data__response = data["response"]
                    if not isinstance(data__response, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".response must be string")
                if "status" in data_keys:
                    data_keys.remove("status")
                    data__status = data["status"]
                    if not isinstance(data__status, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".status must be string")
                if "when" in data_keys:
                    data_keys.remove("when")
                    data__when = data["when"]
                    if not isinstance(data__when, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".when must be string")
                if "date" in data_keys:
                    data_keys.remove("date")
                    data__date = data["date"]
                    if not isinstance(data__date, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".date must be string")
                if "quarter" in data_keys:
                    data_keys.remove("quarter")
                    data__quarter = data["quarter"]
                    if not (isinstance(data__quarter, str) and data__quarter == 'Q1' or isinstance(data__quarter, str) and data__quarter == 'Q2' or isinstance(data__quarter, str) and data__quarter == 'Q3' or isinstance(data__quarter, str) and data__quarter == 'Q4'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".quarter must be one of ['Q1', 'Q2', 'Q3', 'Q4']")
                if data_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
            data_one_of_count2 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count2 != 1:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be valid exactly by one definition")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_reports(data, custom_formats={}, name_prefix=None):
    data_one_of_count3 = 0
    if data_one_of_count3 < 2:
        try:
            if not isinstance(data, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string")
            data_one_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count3 < 2:
        try:
            if not isinstance(data, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array")
            data_is_list = isinstance(data, (list, tuple))
            if data_is_list:
                data_len = len(data)
                for data_x, data_item in enumerate(data):
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_item(data_item, custom_formats, (name_prefix or "data") + "[{data_x}]".format(**locals()))
            data_one_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count3 != 1:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be valid exactly by one definition")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_item(data, custom_formats={}, name_prefix=None):
    data_one_of_count4 = 0
    if data_one_of_count4 < 2:
        try:
            if not isinstance(data, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string")
            data_one_of_count4 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count4 < 2:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data_keys = set(data.keys())
                if "title" in data_keys:
                    data_keys.remove("title")
                    data__title = data["title"]
                    if not isinstance(data__title, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string")
                if "name" in data_keys:
                    data_keys.remove("name")
                    data__name = data["name"]
                    if not isinstance(data__name, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string")
                if "reference" in data_keys:
                    data_keys.remove("reference")
                    data__reference = data["reference"]
                    if not isinstance(data__reference, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".reference must be string")
                if "case" in data_keys:
                    data_keys.remove("case")
                    data__case = data["case"]
                    if not isinstance(data__case, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".case must be string")
                if "date" in data_keys:
                    data_keys.remove("date")
                    data__date = data["date"]
                    if not isinstance(data__date, (str, int)) and not (isinstance(data__date, float) and data__date.is_integer()) or isinstance(data__date, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".date must be string or integer")
                if "published" in data_keys:
                    data_keys.remove("published")
                    data__published = data["published"]
                    if not isinstance(data__published, (str, int)) and not (isinstance(data__published, float) and data__published.is_integer()) or isinstance(data__published, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".published must be string or integer")
                if "year" in data_keys:
                    data_keys.remove("year")
                    data__year = data["year"]
                    if not isinstance(data__year, (str, int)) and not (isinstance(data__year, float) and data__year.is_integer()) or isinstance(data__year, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".year must be string or integer")
                if "period" in data_keys:
                    data_keys.remove("period")
                    data__period = data["period"]
                    if not isinstance(data__period, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".period must be string")
                if "url" in data_keys:
                    data_keys.remove("url")
                    data__url = data["url"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_url(data__url, custom_formats, (name_prefix or "data") + ".url")
                if "link" in data_keys:
                    data_keys.remove("link")
                    data__link = data["link"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_url(data__link, custom_formats, (name_prefix or "data") + ".link")
                if "summary" in data_keys:
                    data_keys.remove("summary")
                    data__summary = data["summary"]
                    if not isinstance(data__summary, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary must be string")
                if "finding" in data_keys:
                    data_keys.remove("finding")
                    data__finding = data["finding"]
                    if not isinstance(data__finding, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".finding must be string")
                if "findings" in data_keys:
                    data_keys.remove("findings")
                    data__findings = data["findings"]
                    if not isinstance(data__findings, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".findings must be string")
                if "description" in data_keys:
                    data_keys.remove("description")
                    data__description = data["description"]
                    if not isinstance(data__description, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".description must be string")
                if "text" in data_keys:
                    data_keys.remove("text")
                    data__text = data["text"]
                    if not isinstance(data__text, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be string")
                if "response" in data_keys:
                    data_keys.remove("response")
                    data__response = data["response"]
                    if not isinstance(data__response, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".response must be string")
                if "action" in data_keys:
                    data_keys.remove("action")
                    data__action = data["action"]
                    if not isinstance(data__action, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".action must be string")
                if "actions" in data_keys:
                    data_keys.remove("actions")
                    data__actions = data["actions"]
                    if not isinstance(data__actions, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".actions must be string")
                if "what_we_did" in data_keys:
                    data_keys.remove("what_we_did")
                    data__whatwedid = data["what_we_did"]
                    if not isinstance(data__whatwedid, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".what_we_did must be string")
                if data_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
            data_one_of_count4 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count4 != 1:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be valid exactly by one definition")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_determinations(data, custom_formats={}, name_prefix=None):
    data_one_of_count5 = 0
    if data_one_of_count5 < 2:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data_keys = set(data.keys())
                for data_key in data_keys:
                    if data_key not in []:
                        data_value = data.get(data_key)
                        if not isinstance(data_value, (int, NoneType)) and not (isinstance(data_value, float) and data_value.is_integer()) or isinstance(data_value, bool):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}".format(**locals()) + " must be integer or null")
                        if isinstance(data_value, (int, float, Decimal)) and not isinstance(data_value, bool):
                            if data_value < 0:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}".format(**locals()) + " must be bigger than or equal to 0")
            data_one_of_count5 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count5 < 2:
        try:
            if not isinstance(data, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array")
            data_is_list = isinstance(data, (list, tuple))
            if data_is_list:
                data_len = len(data)
                for data_x, data_item in enumerate(data):
                    if not isinstance(data_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + " must be object")
                    data_item_is_dict = isinstance(data_item, dict)
                    if data_item_is_dict:
                        data_item_keys = set(data_item.keys())
                        if "case" in data_item_keys:
                            data_item_keys.remove("case")
                            data_item__case = data_item["case"]
                            if not isinstance(data_item__case, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].case".format(**locals()) + " must be string")
                        if "reference" in data_item_keys:
                            data_item_keys.remove("reference")
                            data_item__reference = data_item["reference"]
                            if not isinstance(data_item__reference, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].reference".format(**locals()) + " must be string")
                        if "ref" in data_item_keys:
                            data_item_keys.remove("ref")
                            data_item__ref = data_item["ref"]
                            if not isinstance(data_item__ref, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].ref".format(**locals()) + " must be string")
                        if "determined" in data_item_keys:
                            data_item_keys.remove("determined")
                            data_item__determined = data_item["determined"]
                            validate_https___chc_invalid_schemas_submission_schema_json___defs_date(data_item__determined, custom_formats, (name_prefix or "data") + "[{data_x}].determined".format(**locals()))
                        if "date" in data_item_keys:
                            data_item_keys.remove("date")
                            data_item__date = data_item["date"]
                            validate_https___chc_invalid_schemas_submission_schema_json___defs_date(data_item__date, custom_formats, (name_prefix or "data") + "[{data_x}].date".format(**locals()))
                        if "subject" in data_item_keys:
                            data_item_keys.remove("subject")
                            data_item__subject = data_item["subject"]
                            if not isinstance(data_item__subject, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].subject".format(**locals()) + " must be string")
                        if "summary" in data_item_keys:
                            data_item_keys.remove("summary")
                            data_item__summary = data_item["summary"]
                            if not isinstance(data_item__summary, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].summary".format(**locals()) + " must be string")
                        if "about" in data_item_keys:
                            data_item_keys.remove("about")
                            data_item__about = data_item["about"]
                            if not isinstance(data_item__about, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].about".format(**locals()) + " must be string")
                        if "finding" in data_item_keys:
                            data_item_keys.remove("finding")
                            data_item__finding = data_item["finding"]
                            if not isinstance(data_item__finding, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].finding".format(**locals()) + " must be string")
                        if "outcome" in data_item_keys:
                            data_item_keys.remove("outcome")
                            data_item__outcome = data_item["outcome"]
                            if not isinstance(data_item__outcome, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].outcome".format(**locals()) + " must be string")
                        if "type" in data_item_keys:
                            data_item_keys.remove("type")
                            data_item__type = data_item["type"]
                            if not isinstance(data_item__type, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].type".format(**locals()) + " must be string")
                        if "orders" in data_item_keys:
                            data_item_keys.remove("orders")
                            data_item__orders = data_item["orders"]
                            if not isinstance(data_item__orders, (list, tuple)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].orders".format(**locals()) + " must be array")
                            data_item__orders_is_list = isinstance(data_item__orders, (list, tuple))
                            if data_item__orders_is_list:
                                data_item__orders_len = len(data_item__orders)
                                for data_item__orders_x, data_item__orders_item in enumerate(data_item__orders):
                                    if not isinstance(data_item__orders_item, (str)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].orders[{data_item__orders_x}]".format(**locals()) + " must be string")
                        if "remedies" in data_item_keys:
                            data_item_keys.remove("remedies")
                            data_item__remedies = data_item["remedies"]
                            if not isinstance(data_item__remedies, (list, tuple)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].remedies".format(**locals()) + " must be array")
                            data_item__remedies_is_list = isinstance(data_item__remedies, (list, tuple))
                            if data_item__remedies_is_list:
                                data_item__remedies_len = len(data_item__remedies)
                                for data_item__remedies_x, data_item__remedies_item in enumerate(data_item__remedies):
                                    if not isinstance(data_item__remedies_item, (str)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].remedies[{data_item__remedies_x}]".format(**locals()) + " must be string")
                        if "complied" in data_item_keys:
                            data_item_keys.remove("complied")
                            data_item__complied = data_item["complied"]
                            validate_https___chc_invalid_schemas_submission_schema_json___defs_date(data_item__complied, custom_formats, (name_prefix or "data") + "[{data_x}].complied".format(**locals()))
                        if "complied_on" in data_item_keys:
                            data_item_keys.remove("complied_on")
                            data_item__compliedon = data_item["complied_on"]
                            validate_https___chc_invalid_schemas_submission_schema_json___defs_date(data_item__compliedon, custom_formats, (name_prefix or "data") + "[{data_x}].complied_on".format(**locals()))
                        if "count" in data_item_keys:
                            data_item_keys.remove("count")
                            data_item__count = data_item["count"]
                            if not isinstance(data_item__count, (int)) and not (isinstance(data_item__count, float) and data_item__count.is_integer()) or isinstance(data_item__count, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].count".format(**locals()) + " must be integer")
                            if isinstance(data_item__count, (int, float, Decimal)) and not isinstance(data_item__count, bool):
                                if data_item__count < 0:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].count".format(**locals()) + " must be bigger than or equal to 0")
                        if "number" in data_item_keys:
                            data_item_keys.remove("number")
                            data_item__number = data_item["number"]
                            if not isinstance(data_item__number, (int)) and not (isinstance(data_item__number, float) and data_item__number.is_integer()) or isinstance(data_item__number, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].number".format(**locals()) + " must be integer")
                            if isinstance(data_item__number, (int, float, Decimal)) and not isinstance(data_item__number, bool):
                                if data_item__number < 0:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].number".format(**locals()) + " must be bigger than or equal to 0")
                        if "n" in data_item_keys:
                            data_item_keys.remove("n")
                            data_item__n = data_item["n"]
                            if not isinstance(data_item__n, (int)) and not (isinstance(data_item__n, float) and data_item__n.is_integer()) or isinstance(data_item__n, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].n".format(**locals()) + " must be integer")
                            if isinstance(data_item__n, (int, float, Decimal)) and not isinstance(data_item__n, bool):
                                if data_item__n < 0:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].n".format(**locals()) + " must be bigger than or equal to 0")
                        if data_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + " must not contain "+str(data_item_keys)+" properties")
            data_one_of_count5 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count5 != 1:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be valid exactly by one definition")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_ombudsman(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "determinations" in data_keys:
            data_keys.remove("determinations")
            data__determinations = data["determinations"]
            validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_determinations(data__determinations, custom_formats, (name_prefix or "data") + ".determinations")
        if "findings" in data_keys:
            data_keys.remove("findings")
            data__findings = data["findings"]
            validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_determinations(data__findings, custom_formats, (name_prefix or "data") + ".findings")
        if "findings_by_area" in data_keys:
            data_keys.remove("findings_by_area")
            data__findingsbyarea = data["findings_by_area"]
            if not isinstance(data__findingsbyarea, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".findings_by_area must be object")
            data__findingsbyarea_is_dict = isinstance(data__findingsbyarea, dict)
            if data__findingsbyarea_is_dict:
                data__findingsbyarea_keys = set(data__findingsbyarea.keys())
                for data__findingsbyarea_key in data__findingsbyarea_keys:
                    if data__findingsbyarea_key not in []:
                        data__findingsbyarea_value = data__findingsbyarea.get(data__findingsbyarea_key)
                        if not isinstance(data__findingsbyarea_value, (int, NoneType)) and not (isinstance(data__findingsbyarea_value, float) and data__findingsbyarea_value.is_integer()) or isinstance(data__findingsbyarea_value, bool):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".findings_by_area.{data__findingsbyarea_key}".format(**locals()) + " must be integer or null")
                        if isinstance(data__findingsbyarea_value, (int, float, Decimal)) and not isinstance(data__findingsbyarea_value, bool):
                            if data__findingsbyarea_value < 0:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".findings_by_area.{data__findingsbyarea_key}".format(**locals()) + " must be bigger than or equal to 0")
        if "by_area" in data_keys:
            data_keys.remove("by_area")
            data__byarea = data["by_area"]
            if not isinstance(data__byarea, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_area must be object")
            data__byarea_is_dict = isinstance(data__byarea, dict)
            if data__byarea_is_dict:
                data__byarea_keys = set(data__byarea.keys())
                for data__byarea_key in data__byarea_keys:
                    if data__byarea_key not in []:
                        data__byarea_value = data__byarea.get(data__byarea_key)
                        if not isinstance(data__byarea_value, (int, NoneType)) and not (isinstance(data__byarea_value, float) and data__byarea_value.is_integer()) or isinstance(data__byarea_value, bool):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_area.{data__byarea_key}".format(**locals()) + " must be integer or null")
                        if isinstance(data__byarea_value, (int, float, Decimal)) and not isinstance(data__byarea_value, bool):
                            if data__byarea_value < 0:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_area.{data__byarea_key}".format(**locals()) + " must be bigger than or equal to 0")
        if "areas" in data_keys:
            data_keys.remove("areas")
            data__areas = data["areas"]
            if not isinstance(data__areas, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".areas must be object")
            data__areas_is_dict = isinstance(data__areas, dict)
            if data__areas_is_dict:
                data__areas_keys = set(data__areas.keys())
                for data__areas_key in data__areas_keys:
                    if data__areas_key not in []:
                        data__areas_value = data__areas.get(data__areas_key)
                        if not isinstance(data__areas_value, (int, NoneType)) and not (isinstance(data__areas_value, float) and data__areas_value.is_integer()) or isinstance(data__areas_value, bool):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".areas.{data__areas_key}".format(**locals()) + " must be integer or null")
                        if isinstance(data__areas_value, (int, float, Decimal)) and not isinstance(data__areas_value, bool):
                            if data__areas_value < 0:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".areas.{data__areas_key}".format(**locals()) + " must be bigger than or equal to 0")
        if "non_compliance" in data_keys:
            data_keys.remove("non_compliance")
            data__noncompliance = data["non_compliance"]
            if not isinstance(data__noncompliance, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".non_compliance must be array")
            data__noncompliance_is_list = isinstance(data__noncompliance, (list, tuple))
            if data__noncompliance_is_list:
                data__noncompliance_len = len(data__noncompliance)
                for data__noncompliance_x, data__noncompliance_item in enumerate(data__noncompliance):
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_item(data__noncompliance_item, custom_formats, (name_prefix or "data") + ".non_compliance[{data__noncompliance_x}]".format(**locals()))
        if "code_non_compliance" in data_keys:
            data_keys.remove("code_non_compliance")
            data__codenoncompliance = data["code_non_compliance"]
            if not isinstance(data__codenoncompliance, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".code_non_compliance must be array")
            data__codenoncompliance_is_list = isinstance(data__codenoncompliance, (list, tuple))
            if data__codenoncompliance_is_list:
                data__codenoncompliance_len = len(data__codenoncompliance)
                for data__codenoncompliance_x, data__codenoncompliance_item in enumerate(data__codenoncompliance):
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_item(data__codenoncompliance_item, custom_formats, (name_prefix or "data") + ".code_non_compliance[{data__codenoncompliance_x}]".format(**locals()))
        if "complaint_handling_failure_orders" in data_keys:
            data_keys.remove("complaint_handling_failure_orders")
            data__complainthandlingfailureorders = data["complaint_handling_failure_orders"]
            if not isinstance(data__complainthandlingfailureorders, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".complaint_handling_failure_orders must be array")
            data__complainthandlingfailureorders_is_list = isinstance(data__complainthandlingfailureorders, (list, tuple))
            if data__complainthandlingfailureorders_is_list:
                data__complainthandlingfailureorders_len = len(data__complainthandlingfailureorders)
                for data__complainthandlingfailureorders_x, data__complainthandlingfailureorders_item in enumerate(data__complainthandlingfailureorders):
                    validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_item(data__complainthandlingfailureorders_item, custom_formats, (name_prefix or "data") + ".complaint_handling_failure_orders[{data__complainthandlingfailureorders_x}]".format(**locals()))
        if "annual_report" in data_keys:
            data_keys.remove("annual_report")
            data__annualreport = data["annual_report"]
            validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_item(data__annualreport, custom_formats, (name_prefix or "data") + ".annual_report")
        if "landlord_report" in data_keys:
            data_keys.remove("landlord_report")
            data__landlordreport = data["landlord_report"]
            validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_item(data__landlordreport, custom_formats, (name_prefix or "data") + ".landlord_report")
        if "performance_report" in data_keys:
            data_keys.remove("performance_report")
            data__performancereport = data["performance_report"]
            validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_item(data__performancereport, custom_formats, (name_prefix or "data") + ".performance_report")
        if "other_reports" in data_keys:
            data_keys.remove("other_reports")
            data__otherreports = data["other_reports"]
            validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_reports(data__otherreports, custom_formats, (name_prefix or "data") + ".other_reports")
        if "spotlight_reports" in data_keys:
            data_keys.remove("spotlight_reports")
            data__spotlightreports = data["spotlight_reports"]
            validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_reports(data__spotlightreports, custom_formats, (name_prefix or "data") + ".spotlight_reports")
        if "reports" in data_keys:
            data_keys.remove("reports")
            data__reports = data["reports"]
            validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_reports(data__reports, custom_formats, (name_prefix or "data") + ".reports")
        if "other_publications" in data_keys:
            data_keys.remove("other_publications")
            data__otherpublications = data["other_publications"]
            validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_reports(data__otherpublications, custom_formats, (name_prefix or "data") + ".other_publications")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_compensation(data, custom_formats={}, name_prefix=None):
    data_one_of_count6 = 0
    if data_one_of_count6 < 2:
        try:
            if not isinstance(data, (int, float, Decimal)) or isinstance(data, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be number")
            if isinstance(data, (int, float, Decimal)) and not isinstance(data, bool):
                if data < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must be bigger than or equal to 0")
            data_one_of_count6 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count6 < 2:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data_keys = set(data.keys())
                if "total" in data_keys:
                    data_keys.remove("total")
                    data__total = data["total"]
                    if not isinstance(data__total, (int, float, Decimal)) or isinstance(data__total, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".total must be number")
                    if isinstance(data__total, (int, float, Decimal)) and not isinstance(data__total, bool):
                        if data__total < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".total must be bigger than or equal to 0")
                if "total_gbp" in data_keys:
                    data_keys.remove("total_gbp")
                    data__totalgbp = data["total_gbp"]
                    if not isinstance(data__totalgbp, (int, float, Decimal)) or isinstance(data__totalgbp, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".total_gbp must be number")
                    if isinstance(data__totalgbp, (int, float, Decimal)) and not isinstance(data__totalgbp, bool):
                        if data__totalgbp < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".total_gbp must be bigger than or equal to 0")
                if "amount" in data_keys:
                    data_keys.remove("amount")
                    data__amount = data["amount"]
                    if not isinstance(data__amount, (int, float, Decimal)) or isinstance(data__amount, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".amount must be number")
                    if isinstance(data__amount, (int, float, Decimal)) and not isinstance(data__amount, bool):
                        if data__amount < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".amount must be bigger than or equal to 0")
                if "cases" in data_keys:
                    data_keys.remove("cases")
                    data__cases = data["cases"]
                    if not isinstance(data__cases, (int)) and not (isinstance(data__cases, float) and data__cases.is_integer()) or isinstance(data__cases, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".cases must be integer")
                    if isinstance(data__cases, (int, float, Decimal)) and not isinstance(data__cases, bool):
                        if data__cases < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".cases must be bigger than or equal to 0")
                if "payments" in data_keys:
                    data_keys.remove("payments")
                    data__payments = data["payments"]
                    if not isinstance(data__payments, (int)) and not (isinstance(data__payments, float) and data__payments.is_integer()) or isinstance(data__payments, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".payments must be integer")
                    if isinstance(data__payments, (int, float, Decimal)) and not isinstance(data__payments, bool):
                        if data__payments < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".payments must be bigger than or equal to 0")
                if "count" in data_keys:
                    data_keys.remove("count")
                    data__count = data["count"]
                    if not isinstance(data__count, (int)) and not (isinstance(data__count, float) and data__count.is_integer()) or isinstance(data__count, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".count must be integer")
                    if isinstance(data__count, (int, float, Decimal)) and not isinstance(data__count, bool):
                        if data__count < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".count must be bigger than or equal to 0")
                if "ombudsman_ordered" in data_keys:
                    data_keys.remove("ombudsman_ordered")
                    data__ombudsmanordered = data["ombudsman_ordered"]
                    if not isinstance(data__ombudsmanordered, (int, float, Decimal)) or isinstance(data__ombudsmanordered, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".ombudsman_ordered must be number")
                    if isinstance(data__ombudsmanordered, (int, float, Decimal)) and not isinstance(data__ombudsmanordered, bool):
                        if data__ombudsmanordered < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".ombudsman_ordered must be bigger than or equal to 0")
                if "ombudsman_ordered_gbp" in data_keys:
                    data_keys.remove("ombudsman_ordered_gbp")
                    data__ombudsmanorderedgbp = data["ombudsman_ordered_gbp"]
                    if not isinstance(data__ombudsmanorderedgbp, (int, float, Decimal)) or isinstance(data__ombudsmanorderedgbp, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".ombudsman_ordered_gbp must be number")
                    if isinstance(data__ombudsmanorderedgbp, (int, float, Decimal)) and not isinstance(data__ombudsmanorderedgbp, bool):
                        if data__ombudsmanorderedgbp < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".ombudsman_ordered_gbp must be bigger than or equal to 0")
                if "of_which_ombudsman_ordered_gbp" in data_keys:
                    data_keys.remove("of_which_ombudsman_ordered_gbp")
                    data__ofwhichombudsmanorderedgbp = data["of_which_ombudsman_ordered_gbp"]
                    if not isinstance(data__ofwhichombudsmanorderedgbp, (int, float, Decimal)) or isinstance(data__ofwhichombudsmanorderedgbp, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".of_which_ombudsman_ordered_gbp must be number")
                    if isinstance(data__ofwhichombudsmanorderedgbp, (int, float, Decimal)) and not isinstance(data__ofwhichombudsmanorderedgbp, bool):
                        if data__ofwhichombudsmanorderedgbp < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".of_which_ombudsman_ordered_gbp must be bigger than or equal to 0")
                if "ordered_by_ombudsman" in data_keys:
                    data_keys.remove("ordered_by_ombudsman")
                    data__orderedbyombudsman = data["ordered_by_ombudsman"]
                    if not isinstance(data__orderedbyombudsman, (int, float, Decimal)) or isinstance(data__orderedbyombudsman, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".ordered_by_ombudsman must be number")
                    if isinstance(data__orderedbyombudsman, (int, float, Decimal)) and not isinstance(data__orderedbyombudsman, bool):
                        if data__orderedbyombudsman < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".ordered_by_ombudsman must be bigger than or equal to 0")
                if "commentary" in data_keys:
                    data_keys.remove("commentary")
                    data__commentary = data["commentary"]
                    if not isinstance(data__commentary, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".commentary must be string")
                if "summary" in data_keys:
                    data_keys.remove("summary")
                    data__summary = data["summary"]
                    if not isinstance(data__summary, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary must be string")
                if "note" in data_keys:
                    data_keys.remove("note")
                    data__note = data["note"]
                    if not isinstance(data__note, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".note must be string")
                if "notes" in data_keys:
                    data_keys.remove("notes")
                    data__notes = data["notes"]
                    if not isinstance(data__notes, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".notes must be string")
                if data_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
            data_one_of_count6 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count6 != 1:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be valid exactly by one definition")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_refused(data, custom_formats={}, name_prefix=None):
    data_one_of_count7 = 0
    if data_one_of_count7 < 2:
        try:
            if not isinstance(data, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array")
            data_is_list = isinstance(data, (list, tuple))
            if data_is_list:
                data_len = len(data)
                for data_x, data_item in enumerate(data):
                    if not isinstance(data_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + " must be object")
                    data_item_is_dict = isinstance(data_item, dict)
                    if data_item_is_dict:
                        data_item_keys = set(data_item.keys())
                        if "reason" in data_item_keys:
                            data_item_keys.remove("reason")
                            data_item__reason = data_item["reason"]
                            if not isinstance(data_item__reason, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].reason".format(**locals()) + " must be string")
                        if "label" in data_item_keys:
                            data_item_keys.remove("label")
                            data_item__label = data_item["label"]
                            if not isinstance(data_item__label, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].label".format(**locals()) + " must be string")
                        if "name" in data_item_keys:
                            data_item_keys.remove("name")
                            data_item__name = data_item["name"]
                            if not isinstance(data_item__name, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].name".format(**locals()) + " must be string")
                        if "count" in data_item_keys:
                            data_item_keys.remove("count")
                            data_item__count = data_item["count"]
                            if not isinstance(data_item__count, (int)) and not (isinstance(data_item__count, float) and data_item__count.is_integer()) or isinstance(data_item__count, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].count".format(**locals()) + " must be integer")
                            if isinstance(data_item__count, (int, float, Decimal)) and not isinstance(data_item__count, bool):
                                if data_item__count < 0:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].count".format(**locals()) + " must be bigger than or equal to 0")
                        if "number" in data_item_keys:
                            data_item_keys.remove("number")
                            data_item__number = data_item["number"]
                            if not isinstance(data_item__number, (int)) and not (isinstance(data_item__number, float) and data_item__number.is_integer()) or isinstance(data_item__number, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].number".format(**locals()) + " must be integer")
                            if isinstance(data_item__number, (int, float, Decimal)) and not isinstance(data_item__number, bool):
                                if data_item__number < 0:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}].number".format(**locals()) + " must be bigger than or equal to 0")
                        if data_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + " must not contain "+str(data_item_keys)+" properties")
            data_one_of_count7 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count7 < 2:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data_keys = set(data.keys())
                if "total" in data_keys:
                    data_keys.remove("total")
                    data__total = data["total"]
                    if not isinstance(data__total, (int)) and not (isinstance(data__total, float) and data__total.is_integer()) or isinstance(data__total, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".total must be integer")
                    if isinstance(data__total, (int, float, Decimal)) and not isinstance(data__total, bool):
                        if data__total < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".total must be bigger than or equal to 0")
                if "count" in data_keys:
                    data_keys.remove("count")
                    data__count = data["count"]
                    if not isinstance(data__count, (int)) and not (isinstance(data__count, float) and data__count.is_integer()) or isinstance(data__count, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".count must be integer")
                    if isinstance(data__count, (int, float, Decimal)) and not isinstance(data__count, bool):
                        if data__count < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".count must be bigger than or equal to 0")
                if "by_reason" in data_keys:
                    data_keys.remove("by_reason")
                    data__byreason = data["by_reason"]
                    data__byreason_one_of_count8 = 0
                    if data__byreason_one_of_count8 < 2:
                        try:
                            if not isinstance(data__byreason, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_reason must be object")
                            data__byreason_is_dict = isinstance(data__byreason, dict)
                            if data__byreason_is_dict:
                                data__byreason_keys = set(data__byreason.keys())
                                for data__byreason_key in data__byreason_keys:
                                    if data__byreason_key not in []:
                                        data__byreason_value = data__byreason.get(data__byreason_key)
                                        if not isinstance(data__byreason_value, (int, NoneType)) and not (isinstance(data__byreason_value, float) and data__byreason_value.is_integer()) or isinstance(data__byreason_value, bool):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_reason.{data__byreason_key}".format(**locals()) + " must be integer or null")
                                        if isinstance(data__byreason_value, (int, float, Decimal)) and not isinstance(data__byreason_value, bool):
                                            if data__byreason_value < 0:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_reason.{data__byreason_key}".format(**locals()) + " must be bigger than or equal to 0")
                            data__byreason_one_of_count8 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if data__byreason_one_of_count8 < 2:
                        try:
                            if not isinstance(data__byreason, (list, tuple)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_reason must be array")
                            data__byreason_is_list = isinstance(data__byreason, (list, tuple))
                            if data__byreason_is_list:
                                data__byreason_len = len(data__byreason)
                                for data__byreason_x, data__byreason_item in enumerate(data__byreason):
                                    if not isinstance(data__byreason_item, (dict)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_reason[{data__byreason_x}]".format(**locals()) + " must be object")
                                    data__byreason_item_is_dict = isinstance(data__byreason_item, dict)
                                    if data__byreason_item_is_dict:
                                        data__byreason_item_keys = set(data__byreason_item.keys())
                                        if "reason" in data__byreason_item_keys:
                                            data__byreason_item_keys.remove("reason")
                                            data__byreason_item__reason = data__byreason_item["reason"]
                                            if not isinstance(data__byreason_item__reason, (str)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_reason[{data__byreason_x}].reason".format(**locals()) + " must be string")
                                        if "label" in data__byreason_item_keys:
                                            data__byreason_item_keys.remove("label")
                                            data__byreason_item__label = data__byreason_item["label"]
                                            if not isinstance(data__byreason_item__label, (str)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_reason[{data__byreason_x}].label".format(**locals()) + " must be string")
                                        if "name" in data__byreason_item_keys:
                                            data__byreason_item_keys.remove("name")
                                            data__byreason_item__name = data__byreason_item["name"]
                                            if not isinstance(data__byreason_item__name, (str)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_reason[{data__byreason_x}].name".format(**locals()) + " must be string")
                                        if "count" in data__byreason_item_keys:
                                            data__byreason_item_keys.remove("count")
                                            data__byreason_item__count = data__byreason_item["count"]
                                            if not isinstance(data__byreason_item__count, (int)) and not (isinstance(data__byreason_item__count, float) and data__byreason_item__count.is_integer()) or isinstance(data__byreason_item__count, bool):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_reason[{data__byreason_x}].count".format(**locals()) + " must be integer")
                                            if isinstance(data__byreason_item__count, (int, float, Decimal)) and not isinstance(data__byreason_item__count, bool):
                                                if data__byreason_item__count < 0:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_reason[{data__byreason_x}].count".format(**locals()) + " must be bigger than or equal to 0")
                                        if "number" in data__byreason_item_keys:
                                            data__byreason_item_keys.remove("number")
                                            data__byreason_item__number = data__byreason_item["number"]
                                            if not isinstance(data__byreason_item__number, (int)) and not (isinstance(data__byreason_item__number, float) and data__byreason_item__number.is_integer()) or isinstance(data__byreason_item__number, bool):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_reason[{data__byreason_x}].number".format(**locals()) + " must be integer")
                                            if isinstance(data__byreason_item__number, (int, float, Decimal)) and not isinstance(data__byreason_item__number, bool):
                                                if data__byreason_item__number < 0:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_reason[{data__byreason_x}].number".format(**locals()) + " must be bigger than or equal to 0")
                                        if data__byreason_item_keys:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_reason[{data__byreason_x}]".format(**locals()) + " must not contain "+str(data__byreason_item_keys)+" properties")
                            data__byreason_one_of_count8 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if data__byreason_one_of_count8 != 1:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".by_reason must be valid exactly by one definition")
                if "reasons" in data_keys:
                    data_keys.remove("reasons")
                    data__reasons = data["reasons"]
                    data__reasons_one_of_count9 = 0
                    if data__reasons_one_of_count9 < 2:
                        try:
                            if not isinstance(data__reasons, (dict)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reasons must be object")
                            data__reasons_is_dict = isinstance(data__reasons, dict)
                            if data__reasons_is_dict:
                                data__reasons_keys = set(data__reasons.keys())
                                for data__reasons_key in data__reasons_keys:
                                    if data__reasons_key not in []:
                                        data__reasons_value = data__reasons.get(data__reasons_key)
                                        if not isinstance(data__reasons_value, (int, NoneType)) and not (isinstance(data__reasons_value, float) and data__reasons_value.is_integer()) or isinstance(data__reasons_value, bool):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".reasons.{data__reasons_key}".format(**locals()) + " must be integer or null")
                                        if isinstance(data__reasons_value, (int, float, Decimal)) and not isinstance(data__reasons_value, bool):
                                            if data__reasons_value < 0:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reasons.{data__reasons_key}".format(**locals()) + " must be bigger than or equal to 0")
                            data__reasons_one_of_count9 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if data__reasons_one_of_count9 < 2:
                        try:
                            if not isinstance(data__reasons, (list, tuple)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reasons must be array")
                            data__reasons_is_list = isinstance(data__reasons, (list, tuple))
                            if data__reasons_is_list:
                                data__reasons_len = len(data__reasons)
                                for data__reasons_x, data__reasons_item in enumerate(data__reasons):
                                    if not isinstance(data__reasons_item, (dict)):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".reasons[{data__reasons_x}]".format(**locals()) + " must be object")
                                    data__reasons_item_is_dict = isinstance(data__reasons_item, dict)
                                    if data__reasons_item_is_dict:
                                        data__reasons_item_keys = set(data__reasons_item.keys())
                                        if "reason" in data__reasons_item_keys:
                                            data__reasons_item_keys.remove("reason")
                                            data__reasons_item__reason = data__reasons_item["reason"]
                                            if not isinstance(data__reasons_item__reason, (str)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reasons[{data__reasons_x}].reason".format(**locals()) + " must be string")
                                        if "label" in data__reasons_item_keys:
                                            data__reasons_item_keys.remove("label")
                                            data__reasons_item__label = data__reasons_item["label"]
                                            if not isinstance(data__reasons_item__label, (str)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reasons[{data__reasons_x}].label".format(**locals()) + " must be string")
                                        if "name" in data__reasons_item_keys:
                                            data__reasons_item_keys.remove("name")
                                            data__reasons_item__name = data__reasons_item["name"]
                                            if not isinstance(data__reasons_item__name, (str)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reasons[{data__reasons_x}].name".format(**locals()) + " must be string")
                                        if "count" in data__reasons_item_keys:
                                            data__reasons_item_keys.remove("count")
                                            data__reasons_item__count = data__reasons_item["count"]
                                            if not isinstance(data__reasons_item__count, (int)) and not (isinstance(data__reasons_item__count, float) and data__reasons_item__count.is_integer()) or isinstance(data__reasons_item__count, bool):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reasons[{data__reasons_x}].count".format(**locals()) + " must be integer")
                                            if isinstance(data__reasons_item__count, (int, float, Decimal)) and not isinstance(data__reasons_item__count, bool):
                                                if data__reasons_item__count < 0:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".reasons[{data__reasons_x}].count".format(**locals()) + " must be bigger than or equal to 0")
                                        if "number" in data__reasons_item_keys:
                                            data__reasons_item_keys.remove("number")
                                            data__reasons_item__number = data__reasons_item["number"]
                                            if not isinstance(data__reasons_item__number, (int)) and not (isinstance(data__reasons_item__number, float) and data__reasons_item__number.is_integer()) or isinstance(data__reasons_item__number, bool):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reasons[{data__reasons_x}].number".format(**locals()) + " must be integer")
                                            if isinstance(data__reasons_item__number, (int, float, Decimal)) and not isinstance(data__reasons_item__number, bool):
                                                if data__reasons_item__number < 0:
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".reasons[{data__reasons_x}].number".format(**locals()) + " must be bigger than or equal to 0")
                                        if data__reasons_item_keys:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".reasons[{data__reasons_x}]".format(**locals()) + " must not contain "+str(data__reasons_item_keys)+" properties")
                            data__reasons_one_of_count9 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if data__reasons_one_of_count9 != 1:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".reasons must be valid exactly by one definition")
                if "commentary" in data_keys:
                    data_keys.remove("commentary")
                    data__commentary = data["commentary"]
                    if not isinstance(data__commentary, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".commentary must be string")
                if "summary" in data_keys:
                    data_keys.remove("summary")
                    data__summary = data["summary"]
                    if not isinstance(data__summary, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary must be string")
                if "note" in data_keys:
                    data_keys.remove("note")
                    data__note = data["note"]
                    if not isinstance(data__note, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".note must be string")
                if "notes" in data_keys:
                    data_keys.remove("notes")
                    data__notes = data["notes"]
                    if not isinstance(data__notes, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".notes must be string")
                if data_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
            data_one_of_count7 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count7 != 1:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be valid exactly by one definition")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_tsm(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "CH01_stage1_per_1000_homes" in data_keys:
            data_keys.remove("CH01_stage1_per_1000_homes")
            data__CH01stage1per1000homes = data["CH01_stage1_per_1000_homes"]
            if not isinstance(data__CH01stage1per1000homes, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH01_stage1_per_1000_homes must be object")
            data__CH01stage1per1000homes_is_dict = isinstance(data__CH01stage1per1000homes, dict)
            if data__CH01stage1per1000homes_is_dict:
                data__CH01stage1per1000homes_keys = set(data__CH01stage1per1000homes.keys())
                if "lcra" in data__CH01stage1per1000homes_keys:
                    data__CH01stage1per1000homes_keys.remove("lcra")
                    data__CH01stage1per1000homes__lcra = data__CH01stage1per1000homes["lcra"]
                    if not isinstance(data__CH01stage1per1000homes__lcra, (int, float, Decimal)) or isinstance(data__CH01stage1per1000homes__lcra, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH01_stage1_per_1000_homes.lcra must be number")
                    if isinstance(data__CH01stage1per1000homes__lcra, (int, float, Decimal)) and not isinstance(data__CH01stage1per1000homes__lcra, bool):
                        if data__CH01stage1per1000homes__lcra < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH01_stage1_per_1000_homes.lcra must be bigger than or equal to 0")
                if "lcho" in data__CH01stage1per1000homes_keys:
                    data__CH01stage1per1000homes_keys.remove("lcho")
                    data__CH01stage1per1000homes__lcho = data__CH01stage1per1000homes["lcho"]
                    if not isinstance(data__CH01stage1per1000homes__lcho, (int, float, Decimal)) or isinstance(data__CH01stage1per1000homes__lcho, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH01_stage1_per_1000_homes.lcho must be number")
                    if isinstance(data__CH01stage1per1000homes__lcho, (int, float, Decimal)) and not isinstance(data__CH01stage1per1000homes__lcho, bool):
                        if data__CH01stage1per1000homes__lcho < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH01_stage1_per_1000_homes.lcho must be bigger than or equal to 0")
                if data__CH01stage1per1000homes_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH01_stage1_per_1000_homes must not contain "+str(data__CH01stage1per1000homes_keys)+" properties")
        if "CH01_stage2_per_1000_homes" in data_keys:
            data_keys.remove("CH01_stage2_per_1000_homes")
            data__CH01stage2per1000homes = data["CH01_stage2_per_1000_homes"]
            if not isinstance(data__CH01stage2per1000homes, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH01_stage2_per_1000_homes must be object")
            data__CH01stage2per1000homes_is_dict = isinstance(data__CH01stage2per1000homes, dict)
            if data__CH01stage2per1000homes_is_dict:
                data__CH01stage2per1000homes_keys = set(data__CH01stage2per1000homes.keys())
                if "lcra" in data__CH01stage2per1000homes_keys:
                    data__CH01stage2per1000homes_keys.remove("lcra")
                    data__CH01stage2per1000homes__lcra = data__CH01stage2per1000homes["lcra"]
                    if not isinstance(data__CH01stage2per1000homes__lcra, (int, float, Decimal)) or isinstance(data__CH01stage2per1000homes__lcra, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH01_stage2_per_1000_homes.lcra must be number")
                    if isinstance(data__CH01stage2per1000homes__lcra, (int, float, Decimal)) and not isinstance(data__CH01stage2per1000homes__lcra, bool):
                        if data__CH01stage2per1000homes__lcra < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH01_stage2_per_1000_homes.lcra must be bigger than or equal to 0")
                if "lcho" in data__CH01stage2per1000homes_keys:
                    data__CH01stage2per1000homes_keys.remove("lcho")
                    data__CH01stage2per1000homes__lcho = data__CH01stage2per1000homes["lcho"]
                    if not isinstance(data__CH01stage2per1000homes__lcho, (int, float, Decimal)) or isinstance(data__CH01stage2per1000homes__lcho, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH01_stage2_per_1000_homes.lcho must be number")
                    if isinstance(data__CH01stage2per1000homes__lcho, (int, float, Decimal)) and not isinstance(data__CH01stage2per1000homes__lcho, bool):
                        if data__CH01stage2per1000homes__lcho < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH01_stage2_per_1000_homes.lcho must be bigger than or equal to 0")
                if data__CH01stage2per1000homes_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH01_stage2_per_1000_homes must not contain "+str(data__CH01stage2per1000homes_keys)+" properties")
        if "CH02_stage1_pct_in_time" in data_keys:
            data_keys.remove("CH02_stage1_pct_in_time")
            data__CH02stage1pctintime = data["CH02_stage1_pct_in_time"]
            data__CH02stage1pctintime_one_of_count10 = 0
            if data__CH02stage1pctintime_one_of_count10 < 2:
                try:
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__CH02stage1pctintime, custom_formats, (name_prefix or "data") + ".CH02_stage1_pct_in_time")
                    data__CH02stage1pctintime_one_of_count10 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__CH02stage1pctintime_one_of_count10 < 2:
                try:
                    if not isinstance(data__CH02stage1pctintime, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH02_stage1_pct_in_time must be object")
                    data__CH02stage1pctintime_is_dict = isinstance(data__CH02stage1pctintime, dict)
                    if data__CH02stage1pctintime_is_dict:
                        data__CH02stage1pctintime_keys = set(data__CH02stage1pctintime.keys())
                        if "lcra" in data__CH02stage1pctintime_keys:
                            data__CH02stage1pctintime_keys.remove("lcra")
                            data__CH02stage1pctintime__lcra = data__CH02stage1pctintime["lcra"]
                            validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__CH02stage1pctintime__lcra, custom_formats, (name_prefix or "data") + ".CH02_stage1_pct_in_time.lcra")
                        if "lcho" in data__CH02stage1pctintime_keys:
                            data__CH02stage1pctintime_keys.remove("lcho")
                            data__CH02stage1pctintime__lcho = data__CH02stage1pctintime["lcho"]
                            validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__CH02stage1pctintime__lcho, custom_formats, (name_prefix or "data") + ".CH02_stage1_pct_in_time.lcho")
                        if data__CH02stage1pctintime_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH02_stage1_pct_in_time must not contain "+str(data__CH02stage1pctintime_keys)+" properties")
                    data__CH02stage1pctintime_one_of_count10 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__CH02stage1pctintime_one_of_count10 != 1:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH02_stage1_pct_in_time must be valid exactly by one definition")
        if "CH02_stage2_pct_in_time" in data_keys:
            data_keys.remove("CH02_stage2_pct_in_time")
            data__CH02stage2pctintime = data["CH02_stage2_pct_in_time"]
            data__CH02stage2pctintime_one_of_count11 = 0
            if data__CH02stage2pctintime_one_of_count11 < 2:
                try:
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__CH02stage2pctintime, custom_formats, (name_prefix or "data") + ".CH02_stage2_pct_in_time")
                    data__CH02stage2pctintime_one_of_count11 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__CH02stage2pctintime_one_of_count11 < 2:
                try:
                    if not isinstance(data__CH02stage2pctintime, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH02_stage2_pct_in_time must be object")
                    data__CH02stage2pctintime_is_dict = isinstance(data__CH02stage2pctintime, dict)
                    if data__CH02stage2pctintime_is_dict:
                        data__CH02stage2pctintime_keys = set(data__CH02stage2pctintime.keys())
                        if "lcra" in data__CH02stage2pctintime_keys:
                            data__CH02stage2pctintime_keys.remove("lcra")
                            data__CH02stage2pctintime__lcra = data__CH02stage2pctintime["lcra"]
                            validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__CH02stage2pctintime__lcra, custom_formats, (name_prefix or "data") + ".CH02_stage2_pct_in_time.lcra")
                        if "lcho" in data__CH02stage2pctintime_keys:
                            data__CH02stage2pctintime_keys.remove("lcho")
                            data__CH02stage2pctintime__lcho = data__CH02stage2pctintime["lcho"]
                            validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__CH02stage2pctintime__lcho, custom_formats, (name_prefix or "data") + ".CH02_stage2_pct_in_time.lcho")
                        if data__CH02stage2pctintime_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH02_stage2_pct_in_time must not contain "+str(data__CH02stage2pctintime_keys)+" properties")
                    data__CH02stage2pctintime_one_of_count11 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__CH02stage2pctintime_one_of_count11 != 1:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".CH02_stage2_pct_in_time must be valid exactly by one definition")
        if "TP09_satisfaction_pct" in data_keys:
            data_keys.remove("TP09_satisfaction_pct")
            data__TP09satisfactionpct = data["TP09_satisfaction_pct"]
            data__TP09satisfactionpct_one_of_count12 = 0
            if data__TP09satisfactionpct_one_of_count12 < 2:
                try:
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__TP09satisfactionpct, custom_formats, (name_prefix or "data") + ".TP09_satisfaction_pct")
                    data__TP09satisfactionpct_one_of_count12 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__TP09satisfactionpct_one_of_count12 < 2:
                try:
                    if not isinstance(data__TP09satisfactionpct, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".TP09_satisfaction_pct must be object")
                    data__TP09satisfactionpct_is_dict = isinstance(data__TP09satisfactionpct, dict)
                    if data__TP09satisfactionpct_is_dict:
                        data__TP09satisfactionpct_keys = set(data__TP09satisfactionpct.keys())
                        if "lcra" in data__TP09satisfactionpct_keys:
                            data__TP09satisfactionpct_keys.remove("lcra")
                            data__TP09satisfactionpct__lcra = data__TP09satisfactionpct["lcra"]
                            validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__TP09satisfactionpct__lcra, custom_formats, (name_prefix or "data") + ".TP09_satisfaction_pct.lcra")
                        if "lcho" in data__TP09satisfactionpct_keys:
                            data__TP09satisfactionpct_keys.remove("lcho")
                            data__TP09satisfactionpct__lcho = data__TP09satisfactionpct["lcho"]
                            validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__TP09satisfactionpct__lcho, custom_formats, (name_prefix or "data") + ".TP09_satisfaction_pct.lcho")
                        if data__TP09satisfactionpct_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".TP09_satisfaction_pct must not contain "+str(data__TP09satisfactionpct_keys)+" properties")
                    data__TP09satisfactionpct_one_of_count12 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__TP09satisfactionpct_one_of_count12 != 1:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".TP09_satisfaction_pct must be valid exactly by one definition")
        if "commentary" in data_keys:
            data_keys.remove("commentary")
            data__commentary = data["commentary"]
            if not isinstance(data__commentary, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".commentary must be string")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json__properties_annual_report__defs_foreword(data, custom_formats={}, name_prefix=None):
    data_one_of_count13 = 0
    if data_one_of_count13 < 2:
        try:
            if not isinstance(data, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string")
            data_one_of_count13 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count13 < 2:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['text']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
                data_keys = set(data.keys())
                if "text" in data_keys:
                    data_keys.remove("text")
                    data__text = data["text"]
                    if not isinstance(data__text, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be string")
                if "by" in data_keys:
                    data_keys.remove("by")
                    data__by = data["by"]
                    if not isinstance(data__by, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".by must be string")
                if "role" in data_keys:
                    data_keys.remove("role")
                    data__role = data["role"]
                    if not isinstance(data__role, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".role must be string")
                if data_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
            data_one_of_count13 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count13 != 1:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be valid exactly by one definition")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (int, float, Decimal)) or isinstance(data, bool):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be number")
    if isinstance(data, (int, float, Decimal)) and not isinstance(data, bool):
        if data < 0:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be bigger than or equal to 0")
        if data > 100:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be smaller than or equal to 100")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json___defs_stage_metrics(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "received" in data_keys:
            data_keys.remove("received")
            data__received = data["received"]
            if not isinstance(data__received, (int)) and not (isinstance(data__received, float) and data__received.is_integer()) or isinstance(data__received, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".received must be integer")
            if isinstance(data__received, (int, float, Decimal)) and not isinstance(data__received, bool):
                if data__received < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".received must be bigger than or equal to 0")
        if "responded" in data_keys:
            data_keys.remove("responded")
            data__responded = data["responded"]
            if not isinstance(data__responded, (int)) and not (isinstance(data__responded, float) and data__responded.is_integer()) or isinstance(data__responded, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".responded must be integer")
            if isinstance(data__responded, (int, float, Decimal)) and not isinstance(data__responded, bool):
                if data__responded < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".responded must be bigger than or equal to 0")
        if "pct_acknowledged_in_time" in data_keys:
            data_keys.remove("pct_acknowledged_in_time")
            data__pctacknowledgedintime = data["pct_acknowledged_in_time"]
            validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__pctacknowledgedintime, custom_formats, (name_prefix or "data") + ".pct_acknowledged_in_time")
        if "pct_in_time" in data_keys:
            data_keys.remove("pct_in_time")
            data__pctintime = data["pct_in_time"]
            validate_https___chc_invalid_schemas_submission_schema_json___defs_pct(data__pctintime, custom_formats, (name_prefix or "data") + ".pct_in_time")
        if "mean_working_days" in data_keys:
            data_keys.remove("mean_working_days")
            data__meanworkingdays = data["mean_working_days"]
            if not isinstance(data__meanworkingdays, (int, float, Decimal)) or isinstance(data__meanworkingdays, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".mean_working_days must be number")
            if isinstance(data__meanworkingdays, (int, float, Decimal)) and not isinstance(data__meanworkingdays, bool):
                if data__meanworkingdays < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".mean_working_days must be bigger than or equal to 0")
        if "basis" in data_keys:
            data_keys.remove("basis")
            data__basis = data["basis"]
            if not (isinstance(data__basis, str) and data__basis == 'code-timescales' or isinstance(data__basis, str) and data__basis == 'own-timescales' or isinstance(data__basis, str) and data__basis == 'unknown'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".basis must be one of ['code-timescales', 'own-timescales', 'unknown']")
        if "scope" in data_keys:
            data_keys.remove("scope")
            data__scope = data["scope"]
            if not isinstance(data__scope, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".scope must be string")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json___defs_policy_stage(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "acknowledge_working_days" in data_keys:
            data_keys.remove("acknowledge_working_days")
            data__acknowledgeworkingdays = data["acknowledge_working_days"]
            if not isinstance(data__acknowledgeworkingdays, (int)) and not (isinstance(data__acknowledgeworkingdays, float) and data__acknowledgeworkingdays.is_integer()) or isinstance(data__acknowledgeworkingdays, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".acknowledge_working_days must be integer")
            if isinstance(data__acknowledgeworkingdays, (int, float, Decimal)) and not isinstance(data__acknowledgeworkingdays, bool):
                if data__acknowledgeworkingdays < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".acknowledge_working_days must be bigger than or equal to 0")
        if "respond_working_days" in data_keys:
            data_keys.remove("respond_working_days")
            data__respondworkingdays = data["respond_working_days"]
            if not isinstance(data__respondworkingdays, (int)) and not (isinstance(data__respondworkingdays, float) and data__respondworkingdays.is_integer()) or isinstance(data__respondworkingdays, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".respond_working_days must be integer")
            if isinstance(data__respondworkingdays, (int, float, Decimal)) and not isinstance(data__respondworkingdays, bool):
                if data__respondworkingdays < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".respond_working_days must be bigger than or equal to 0")
        if "respond_from" in data_keys:
            data_keys.remove("respond_from")
            data__respondfrom = data["respond_from"]
            if not (isinstance(data__respondfrom, str) and data__respondfrom == 'received' or isinstance(data__respondfrom, str) and data__respondfrom == 'logged' or isinstance(data__respondfrom, str) and data__respondfrom == 'acknowledged' or isinstance(data__respondfrom, str) and data__respondfrom == 'escalation_requested'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".respond_from must be one of ['received', 'logged', 'acknowledged', 'escalation_requested']")
        if "extension_cap_working_days" in data_keys:
            data_keys.remove("extension_cap_working_days")
            data__extensioncapworkingdays = data["extension_cap_working_days"]
            if not isinstance(data__extensioncapworkingdays, (int)) and not (isinstance(data__extensioncapworkingdays, float) and data__extensioncapworkingdays.is_integer()) or isinstance(data__extensioncapworkingdays, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".extension_cap_working_days must be integer")
            if isinstance(data__extensioncapworkingdays, (int, float, Decimal)) and not isinstance(data__extensioncapworkingdays, bool):
                if data__extensioncapworkingdays < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".extension_cap_working_days must be bigger than or equal to 0")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json___defs_evidence_item(data, custom_formats={}, name_prefix=None):
    data_one_of_count14 = 0
    if data_one_of_count14 < 2:
        try:
            if not isinstance(data, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string")
            if isinstance(data, str):
                data_len = len(data)
                if data_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must be longer than or equal to 1 characters")
            data_one_of_count14 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count14 < 2:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
            data_any_of_count15 = 0
            if not data_any_of_count15:
                try:
                    data_is_dict = isinstance(data, dict)
                    if data_is_dict:
                        data__missing_keys = set(['document']) - data.keys()
                        if data__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
                    data_any_of_count15 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data_any_of_count15:
                try:
                    data_is_dict = isinstance(data, dict)
                    if data_is_dict:
                        data__missing_keys = set(['url']) - data.keys()
                        if data__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
                    data_any_of_count15 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data_any_of_count15:
                try:
                    data_is_dict = isinstance(data, dict)
                    if data_is_dict:
                        data__missing_keys = set(['figure', 'value']) - data.keys()
                        if data__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
                    data_any_of_count15 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data_any_of_count15:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " cannot be validated by any definition")
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data_keys = set(data.keys())
                if "document" in data_keys:
                    data_keys.remove("document")
                    data__document = data["document"]
                    if not isinstance(data__document, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".document must be string")
                    if isinstance(data__document, str):
                        data__document_len = len(data__document)
                        if data__document_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".document must be longer than or equal to 1 characters")
                if "section" in data_keys:
                    data_keys.remove("section")
                    data__section = data["section"]
                    if not isinstance(data__section, (str, int, float, Decimal)) or isinstance(data__section, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".section must be string or number")
                if "page" in data_keys:
                    data_keys.remove("page")
                    data__page = data["page"]
                    if not isinstance(data__page, (str, int)) and not (isinstance(data__page, float) and data__page.is_integer()) or isinstance(data__page, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".page must be string or integer")
                if "path" in data_keys:
                    data_keys.remove("path")
                    data__path = data["path"]
                    if not isinstance(data__path, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".path must be string")
                    if isinstance(data__path, str):
                        data__path_len = len(data__path)
                        if data__path_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".path must be longer than or equal to 1 characters")
                if "url" in data_keys:
                    data_keys.remove("url")
                    data__url = data["url"]
                    validate_https___chc_invalid_schemas_submission_schema_json___defs_url(data__url, custom_formats, (name_prefix or "data") + ".url")
                if "title" in data_keys:
                    data_keys.remove("title")
                    data__title = data["title"]
                    if not isinstance(data__title, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string")
                if "figure" in data_keys:
                    data_keys.remove("figure")
                    data__figure = data["figure"]
                    if not isinstance(data__figure, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".figure must be string")
                    if isinstance(data__figure, str):
                        data__figure_len = len(data__figure)
                        if data__figure_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".figure must be longer than or equal to 1 characters")
                if "value" in data_keys:
                    data_keys.remove("value")
                    data__value = data["value"]
                    if not isinstance(data__value, (int, float, Decimal)) or isinstance(data__value, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".value must be number")
                if "unit" in data_keys:
                    data_keys.remove("unit")
                    data__unit = data["unit"]
                    if not isinstance(data__unit, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".unit must be string")
                if "basis" in data_keys:
                    data_keys.remove("basis")
                    data__basis = data["basis"]
                    if not (isinstance(data__basis, str) and data__basis == 'code-timescales' or isinstance(data__basis, str) and data__basis == 'own-timescales' or isinstance(data__basis, str) and data__basis == 'unknown'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".basis must be one of ['code-timescales', 'own-timescales', 'unknown']")
                if "scope" in data_keys:
                    data_keys.remove("scope")
                    data__scope = data["scope"]
                    if not isinstance(data__scope, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".scope must be string")
                if data_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
            data_one_of_count14 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count14 != 1:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be valid exactly by one definition")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json___defs_url(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string")
    if isinstance(data, str):
        if not REGEX_PATTERNS['^https?://\\S+$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^https?://\\S+$")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json___defs_person(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict, str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object or string")
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be longer than or equal to 1 characters")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string")
        if "role" in data_keys:
            data_keys.remove("role")
            data__role = data["role"]
            if not isinstance(data__role, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".role must be string")
        if "appointed" in data_keys:
            data_keys.remove("appointed")
            data__appointed = data["appointed"]
            validate_https___chc_invalid_schemas_submission_schema_json___defs_date(data__appointed, custom_formats, (name_prefix or "data") + ".appointed")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___chc_invalid_schemas_submission_schema_json___defs_date(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string")
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2}$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        if not custom_formats["date"](data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be date")
    return data

validate = validate_https___chc_invalid_schemas_submission_schema_json
