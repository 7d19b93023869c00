package com.acme.rest;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

public class RawCallClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    public String call(String token) throws Exception {
        Map<String, Object> body = Map.of(
                "phoneNumber", "+14155550142",
                "callerID", "+13175550100",
                "callerIdName", "Acme Sales");

        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create("https://api.mypurecloud.com/api/v2/conversations/calls"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("call failed: " + response.body());
        }
        return response.body();
    }
}
