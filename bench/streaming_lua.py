#!/usr/bin/env python3
"""Writes a wrk script that POSTs signed inlet requests, for bench/streaming_ingest.sh.

Usage: streaming_lua.py SECRET PATH EVENTS_PER_REQUEST > script.lua

wrk's Lua cannot compute an HMAC, so the bodies are signed here: 64 distinct bodies, each
event about 1 KB in the XDM envelope, and the script sends them round robin. The server
verifies every signature it receives, as it would any client's.
"""
import hashlib
import hmac
import json
import sys

secret, path, per_request = sys.argv[1], sys.argv[2], int(sys.argv[3])


def event(n):
    entity = {"_id": f"event-{n}", "person": {"name": {"firstName": "Jane", "lastName": "Doe"}},
              "workEmail": {"address": f"jane{n}@example.com", "type": "work"},
              "pad": "x" * 560}
    return {"header": {"schemaRef": {"id": "https://ns.adobe.com/bench/schemas/events",
                                     "contentType": "application/vnd.adobe.xed-full+json;version=1"},
                       "imsOrgId": "BENCH@AdobeOrg", "datasetId": "bench", "flowId": "bench"},
            "body": {"xdmMeta": {"schemaRef": {"id": "https://ns.adobe.com/bench/schemas/events"}},
                     "xdmEntity": entity}}


bodies = []
for b in range(64):
    if per_request == 1:
        doc = event(b)
    else:
        doc = {"messages": [event(b * per_request + i) for i in range(per_request)]}
    bodies.append(json.dumps(doc, separators=(",", ":")))

print("local bodies = {")
for body in bodies:
    print("  %s," % json.dumps(body))
print("}")
print("local sigs = {")
for body in bodies:
    print('  "%s",' % hmac.new(secret.encode(), body.encode(), hashlib.sha256).hexdigest())
print("}")
print("local i = 0")
print("request = function()")
print("  i = i % #bodies + 1")
print('  return wrk.format("POST", "%s", {["Content-Type"] = "application/json", '
      '["x-hmac-sha256"] = sigs[i]}, bodies[i])' % path)
print("end")
sys.stderr.write("%d bytes per request\n" % len(bodies[0]))
