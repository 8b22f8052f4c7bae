#!/bin/bash
# Start-up to first answer: starts the app given as arguments on a random loopback port, waits for its first HTTP
# response (a CORS preflight to /partner/orders, which samples/MinimalApi answers), then stops it. Time it whole:
#   time bench/first-response.sh path/to/MinimalApi
port=$((20000 + RANDOM % 20000))
"$@" --urls "http://127.0.0.1:$port" > /dev/null 2>&1 &
pid=$!
until curl -s -o /dev/null -X OPTIONS "http://127.0.0.1:$port/partner/orders" -H 'Origin: https://partner.example.com' -H 'Access-Control-Request-Method: POST'; do sleep 0.005; done
kill $pid; wait $pid 2>/dev/null
exit 0
