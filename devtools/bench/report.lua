-- wrk's report for the bench harness (devtools/bench/run.py): one line of JSON at the end, with the p95 that
-- `--latency` leaves out, and the responses other than 200 (a sign-in page counts as one: wrk counts only >= 400).

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   not_ok = 0
end

function response(status, headers, body)
   if status ~= 200 then
      not_ok = not_ok + 1
   end
end

function done(summary, latency, requests)
   local refused = 0
   for _, thread in ipairs(threads) do
      refused = refused + thread:get("not_ok")
   end
   local errors = summary.errors
   io.write(string.format(
      'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
         .. '"max_us": %d, "not_ok": %d, "socket_errors": %d}\n',
      summary.requests, summary.duration, summary.bytes,
      latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
      refused, errors.connect + errors.read + errors.write + errors.timeout
   ))
end
