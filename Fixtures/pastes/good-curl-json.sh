curl --json '{"phoneNumber": "+13175550123", "callerId": "+13175550100"}' \
  https://api.mypurecloud.com/api/v2/conversations/calls
