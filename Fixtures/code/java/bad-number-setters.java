package com.acme.alerts;

import com.mypurecloud.sdk.v2.ApiResponse;
import com.mypurecloud.sdk.v2.api.ConversationsApi;
import com.mypurecloud.sdk.v2.model.CreateCallRequest;
import com.mypurecloud.sdk.v2.model.CreateCallResponse;

import java.io.IOException;
import java.util.logging.Logger;

public class OnCallPager {
    private static final Logger LOG = Logger.getLogger(OnCallPager.class.getName());

    public void page(ConversationsApi api) {
        CreateCallRequest body = new CreateCallRequest();
        // one digit short: Spanish numbers have nine digits after +34
        body.setPhoneNumber("+3491234567");
        body.setCallerId("+13175550100");
        body.setCallerIdName("NOC pager");

        try {
            ApiResponse<CreateCallResponse> resp = api.postConversationsCallsWithHttpInfo(body);
            LOG.info("paged, status " + resp.getStatusCode());
        } catch (IOException e) {
            LOG.severe("paging failed: " + e.getMessage());
        }
    }
}
