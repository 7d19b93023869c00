import os

import aiohttp

BASE_URL = "https://api.mypurecloud.com.au"


async def open_bridge(session: aiohttp.ClientSession, token: str):
    """Start an ad-hoc conference with two outside numbers."""
    body = {
        # participants must be objects like {"address": "+61..."}
        "participants": ["+61291234567", "+61731234567"],
    }
    async with session.post(
        f"{BASE_URL}/api/v2/conversations/calls",
        json=body,
        headers={"Authorization": f"Bearer {token}"},
    ) as resp:
        if resp.status >= 400:
            raise RuntimeError(await resp.text())
        return await resp.json()


async def run():
    async with aiohttp.ClientSession() as session:
        return await open_bridge(session, os.environ["GC_TOKEN"])
