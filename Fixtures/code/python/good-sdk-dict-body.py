import PureCloudPlatformClientV2

# Local reference for the conversations API
conv_api = PureCloudPlatformClientV2.apis.ConversationsApi()


def call_from_me(number):
    """Place a call from the authenticated user's station."""
    call_body = {'phoneNumber': number, 'callerIdName': 'Front office'}
    return conv_api.post_conversations_calls(call_body)


def call_weather_line():
    return conv_api.post_conversations_calls({
        'phoneNumber': '+13175550123',
    })


def hang_up(conversation_id):
    template = {'state': 'disconnected'}
    return conv_api.patch_conversations_call(conversation_id, template)
