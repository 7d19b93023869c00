import os
import sys

import PureCloudPlatformClientV2
from PureCloudPlatformClientV2.rest import ApiException

region = PureCloudPlatformClientV2.PureCloudRegionHosts.us_east_1
PureCloudPlatformClientV2.configuration.host = region.get_api_host()

api_client = PureCloudPlatformClientV2.api_client.ApiClient().get_client_credentials_token(
    os.environ["GENESYS_CLIENT_ID"], os.environ["GENESYS_CLIENT_SECRET"]
)
conversations_api = PureCloudPlatformClientV2.ConversationsApi(api_client)

# Outbound call on behalf of the collections queue
body = PureCloudPlatformClientV2.CreateCallRequest()
body.phone_number = "+14155550142"
body.call_from_queue_id = "8003de56-3a8a-4083-a93e-c164a4c469f6"
body.caller_id = "+13175550100"
body.label = "collections"
body.attributes = {"crmAccountId": "ACME-0042", "campaign": "spring"}

try:
    created = conversations_api.post_conversations_calls(body)
    print("conversation", created.id)
except ApiException as err:
    print("Exception when calling post_conversations_calls: %s" % err, file=sys.stderr)
    sys.exit(1)
