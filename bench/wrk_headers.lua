-- wrk script: every request carries the Adobe headers the API requires.
wrk.headers["Authorization"] = "Bearer bench-token"
wrk.headers["x-api-key"] = "bench"
wrk.headers["x-gw-ims-org-id"] = "BENCH@AdobeOrg"
wrk.headers["x-sandbox-name"] = "prod"
