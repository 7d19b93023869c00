$ curl https://api.mypurecloud.com/api/v2/conversations/calls -H 'Content-Type: application/json' \
>   --data $'{"phoneNumber": "+1 (317) 555-0123",\n "to": "+13175550123"}'
