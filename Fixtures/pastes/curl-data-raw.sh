curl -X POST "https://api.mypurecloud.com/api/v2/conversations/calls" \
  -H "Authorization: Bearer $TOKEN" \
  -H "Content-Type: application/json" \
  --data-raw '{
    "phoneNumber": {"phoneNumber": "+13175550123"},
    "callerID": "+13175550100"
  }'
