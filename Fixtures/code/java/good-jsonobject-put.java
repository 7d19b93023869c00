package com.acme.cti;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.json.JSONObject;

public final class ClickToDial {
    private final HttpClient client = HttpClient.newHttpClient();

    public int dial(String apiBase, String token, String number, String queueId) throws Exception {
        JSONObject body = new JSONObject();
        body.put("phoneNumber", number);
        body.put("callFromQueueId", queueId);
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create(apiBase + "/api/v2/conversations/calls"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
