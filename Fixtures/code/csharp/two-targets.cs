using System;
using PureCloudPlatform.Client.V2.Api;
using PureCloudPlatform.Client.V2.Model;

public class CallbackService
{
    private readonly ConversationsApi api = new ConversationsApi();

    public void CallBack(string customerNumber)
    {
        CreateCallRequest body = new CreateCallRequest();
        body.PhoneNumber = customerNumber;
        body.CallerId = "+13175550100";
        body.CallQueueId = "e3fff688-cc66-4052-a441-5390e575f837";   // a second target: 400

        try
        {
            var result = api.PostConversationsCallsWithHttpInfo(body);
            Console.WriteLine($"status {result.StatusCode}, conversation {result.Data.Id}");
        }
        catch (Exception ex)
        {
            Console.WriteLine("Error making call: " + ex.Message);
        }
    }
}
