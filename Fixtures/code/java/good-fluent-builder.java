package com.acme.dialer;

import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.Configuration;
import com.mypurecloud.sdk.v2.PureCloudRegionHosts;
import com.mypurecloud.sdk.v2.api.ConversationsApi;
import com.mypurecloud.sdk.v2.model.CreateCallRequest;
import com.mypurecloud.sdk.v2.model.CreateCallResponse;

import java.io.IOException;

public class OutboundCaller {

    public static void main(String[] args) throws IOException {
        ApiClient apiClient = ApiClient.Builder.standard()
                .withBasePath(PureCloudRegionHosts.us_east_1)
                .build();
        apiClient.authorizeClientCredentials(System.getenv("GC_CLIENT_ID"), System.getenv("GC_CLIENT_SECRET"));
        Configuration.setDefaultApiClient(apiClient);

        ConversationsApi conversationsApi = new ConversationsApi();
        CreateCallRequest body = new CreateCallRequest()
                .phoneNumber("+13125550178")
                .callerId("+13175550100")
                .callFromQueueId("25827789-e20d-450f-b2c1-730f6eaecb9c")
                .label("retention");

        try {
            CreateCallResponse response = conversationsApi.postConversationsCalls(body);
            System.out.println("conversation " + response.getId());
        } catch (ApiException e) {
            System.err.println("postConversationsCalls failed: " + e.getStatusCode() + " " + e.getRawBody());
        }
    }
}
