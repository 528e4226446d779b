"""Creates the chain of Adobe's batch tutorial for bench/engine_run.sh, starts one run,
waits for it, and prints its figures. Arguments: BASE UPSTREAM PID RECORDS LABEL."""
import json
import sys
import time
import urllib.request

base, upstream, pid, records, label = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
HEADERS = {"Authorization": "Bearer bench", "x-api-key": "bench",
           "x-gw-ims-org-id": "BENCH@AdobeOrg", "Content-Type": "application/json"}
FLOW = "/data/foundation/flowservice"


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method, headers=HEADERS)
    with urllib.request.urlopen(request) as answer:
        text = answer.read()
        return json.loads(text) if text else None


SPEC = {
    "name": "bench-records", "type": "generic-rest", "version": "1.0",
    "providerId": "0ed90a81-07f4-4586-8190-b40eccef1c5a",
    "attributes": {"uiAttributes": {"apiFeatures": {"explorePaginationSupported": False}}},
    "authSpec": [{"name": "Basic Authentication", "type": "BasicAuthentication", "spec": {
        "$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
        "properties": {"host": {"type": "string"}, "username": {"type": "string"},
                       "password": {"type": "string", "format": "password"}},
        "required": ["host", "username", "password"]}}],
    "sourceSpec": {
        "attributes": {
            "uiAttributes": {"isSource": True, "isBeta": True, "category": {"key": "protocols"},
                             "icon": {"key": "benchIcon"}, "description": {"key": "benchDescription"},
                             "label": {"key": "benchLabel"}},
            "urlParams": {"path": "/records", "method": "GET"},
            "contentPath": {"path": "$.records"},
            "paginationParams": {"type": "OFFSET", "limitName": "limit", "limitValue": "1000",
                                 "offSetName": "offset"},
        },
        "spec": {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
                 "properties": {}},
    },
    "exploreSpec": {"name": "Resource", "type": "Resource", "requestSpec": {}, "responseSpec": {}},
}

REST_STORAGE_TO_AEP = "6499120c-0b15-42dc-936e-847ea3c24d72"
DATA_LAKE = "c604ff05-7f1a-43c0-8e18-33bf874cb11c"


def add_to_flow_spec(spec_id):
    request = urllib.request.Request(base + FLOW + "/flowSpecs/" + REST_STORAGE_TO_AEP,
                                     headers=HEADERS)
    with urllib.request.urlopen(request) as answer:
        etag = answer.headers["ETag"]
        flow_spec = json.loads(answer.read())["items"][0]
    flow_spec["sourceConnectionSpecIds"].append(spec_id)
    put = urllib.request.Request(base + FLOW + "/flowSpecs/" + REST_STORAGE_TO_AEP,
                                 data=json.dumps(flow_spec).encode(), method="PUT",
                                 headers={**HEADERS, "If-Match": etag})
    urllib.request.urlopen(put).read()


def peak_rss_mb():
    with open("/proc/%s/status" % pid) as status:
        for line in status:
            if line.startswith(("VmHWM", "VmRSS")):
                yield line.split(":")[0], int(line.split()[1]) / 1024


spec = call("POST", FLOW + "/connectionSpecs", SPEC)["id"]
add_to_flow_spec(spec)
ref = {"id": spec, "version": "1.0"}
connection = call("POST", FLOW + "/connections", {
    "name": "bench", "connectionSpec": ref,
    "auth": {"specName": "Basic Authentication",
             "params": {"host": upstream, "username": "bench", "password": "bench"}}})["id"]
source = call("POST", FLOW + "/sourceConnections", {
    "name": "bench", "baseConnectionId": connection, "connectionSpec": ref,
    "data": {"format": "json"}, "params": {}})["id"]
dataset = call("POST", "/data/foundation/catalog/dataSets", {"name": "bench"})[0].split("/")[-1]
target = call("POST", FLOW + "/targetConnections", {
    "name": "bench", "connectionSpec": {"id": DATA_LAKE, "version": "1.0"},
    "data": {"format": "parquet_xdm"}, "params": {"dataSetId": dataset}})["id"]
flow = call("POST", FLOW + "/flows", {
    "name": "bench", "flowSpec": {"id": REST_STORAGE_TO_AEP, "version": "1.0"},
    "sourceConnectionIds": [source], "targetConnectionIds": [target],
    "scheduleParams": {"startTime": 4102444800, "frequency": "hour", "interval": 1}})["id"]
before = dict(peak_rss_mb())
run_id = call("POST", FLOW + "/runs", {"flowId": flow})["id"]
while True:
    run = call("GET", FLOW + "/runs/" + run_id)["items"][0]
    if run["metrics"]["statusSummary"]["status"] != "inProgress":
        break
    time.sleep(0.05)
after = dict(peak_rss_mb())
metrics = run["metrics"]
status = metrics["statusSummary"]["status"]
landed = metrics["recordSummary"]["outputRecordCount"]
duration = metrics["durationSummary"]
seconds = (duration["completedAtUTC"] - duration["startedAtUTC"]) / 1000
if status != "success" or landed != records:
    sys.exit("run %s: %s, %s records landed of %d: %s" % (label, status, landed, records, json.dumps(metrics)))
print("headwater run %s: %.2f s, %d records, %.0f records/s, peak RSS %.1f MB (%.1f MB before the run)"
      % (label, seconds, landed, landed / seconds, after["VmHWM"], before["VmRSS"]))
