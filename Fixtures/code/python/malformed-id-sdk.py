"""Outbound dialer worker: calls a lead on behalf of the sales queue."""
import logging

from PureCloudPlatformClientV2 import ConversationsApi, CreateCallRequest
from PureCloudPlatformClientV2.rest import ApiException

logger = logging.getLogger("dialer")


def dial_lead(api: ConversationsApi, lead: dict):
    request = CreateCallRequest()
    request.phone_number = lead["phone"]
    # copied from the admin UI's queue name, not its id
    request.call_from_queue_id = "sales-outbound"
    request.external_contact_id = lead.get("contact_id")
    try:
        response = api.post_conversations_calls(request)
    except ApiException as err:
        logger.warning("dial failed for %s: %s", lead["id"], err)
        return None
    logger.info("dialled lead %s in conversation %s", lead["id"], response.id)
    return response.id
