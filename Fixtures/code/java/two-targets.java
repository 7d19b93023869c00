package com.acme.support;

import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.api.ConversationsApi;
import com.mypurecloud.sdk.v2.model.CreateCallRequest;
import com.mypurecloud.sdk.v2.model.CreateCallResponse;

import java.io.IOException;

public class WarmHandoff {
    private final ConversationsApi conversationsApi = new ConversationsApi();

    /** Meant to call the customer, then bring the specialist in; both targets in one body is a 400. */
    public CreateCallResponse call(String customerNumber) throws IOException, ApiException {
        CreateCallRequest body = new CreateCallRequest()
                .phoneNumber(customerNumber)
                .callerIdName("Acme Tier 2")
                .callUserId("fd562a5b-8a0e-48d7-aa66-8b852066867e");
        return conversationsApi.postConversationsCalls(body);
    }
}
