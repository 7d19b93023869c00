package com.acme.conference;

import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.ApiResponse;
import com.mypurecloud.sdk.v2.api.ConversationsApi;
import com.mypurecloud.sdk.v2.api.request.PostConversationsCallsRequest;
import com.mypurecloud.sdk.v2.model.CreateCallRequest;
import com.mypurecloud.sdk.v2.model.CreateCallResponse;
import com.mypurecloud.sdk.v2.model.Destination;

import java.io.IOException;
import java.util.Arrays;

public final class ConferenceStarter {
    private final ConversationsApi api;

    public ConferenceStarter(ConversationsApi api) {
        this.api = api;
    }

    public String start(String agentUserId) throws IOException, ApiException {
        Destination expert = new Destination();
        expert.setAddress("+442079460958");
        expert.setName("Field engineer");

        CreateCallRequest body = new CreateCallRequest();
        body.setParticipants(Arrays.asList(expert, new Destination().userId(agentUserId)));
        body.setUuiData("ticket=90412");

        PostConversationsCallsRequest request = PostConversationsCallsRequest.builder()
                .withBody(body)
                .build();
        ApiResponse<CreateCallResponse> response = api.postConversationsCalls(request.withHttpInfo());
        return response.getBody().getId();
    }
}
