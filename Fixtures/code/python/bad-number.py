import asyncio
import os

import httpx

API_HOST = "https://api.euw2.pure.cloud"


async def ring(client: httpx.AsyncClient, token: str) -> str:
    resp = await client.post(
        f"{API_HOST}/api/v2/conversations/calls",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "phoneNumber": "+99920794609",   # no country has +999
            "callerId": "+442079460958",
        },
    )
    resp.raise_for_status()
    return resp.json()["id"]


async def main() -> None:
    async with httpx.AsyncClient(timeout=20.0) as client:
        print(await ring(client, os.environ["GC_TOKEN"]))


asyncio.run(main())
