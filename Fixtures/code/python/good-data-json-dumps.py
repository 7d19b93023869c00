import json
import logging

import requests

log = logging.getLogger(__name__)

API = "https://api.mypurecloud.ie"


def start_conference(session, agent_id):
    """Ring a supplier and a supervisor together in a new ad-hoc conference."""
    body = json.dumps({
        "participants": [
            {"address": "+442079460958"},   # supplier hotline
            {"userId": agent_id},
            {"userId": "29c7d1cd-e3da-4341-a078-1e156b63c2f7", "name": "Duty supervisor"},
        ],
        "uuiData": "case=77812",
    })
    resp = session.post(
        API + "/api/v2/conversations/calls",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    try:
        resp.raise_for_status()
    except requests.HTTPError:
        log.error("conference failed: %s", resp.text)
        raise
    return resp.json()
