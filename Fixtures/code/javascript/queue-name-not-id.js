// Sales widget: places the call on behalf of the sales queue (jQuery, implicit grant).
var config = { environment: 'mypurecloud.com', clientId: '2c6f1a9e-8d47-4b03-a5e2-91f7c0d3b648' };

function placeSalesCall(token, number) {
  return $.ajax({
    url: 'https://api.' + config.environment + '/api/v2/conversations/calls',
    type: 'POST',
    contentType: 'application/json',
    headers: { Authorization: 'bearer ' + token },
    data: JSON.stringify({
      phoneNumber: number,
      callFromQueueId: 'Inbound Sales', // the queue name from the admin page
    }),
  })
    .done(function (data) { console.log('call placed', data.id); })
    .fail(function (xhr) { console.error('call failed', xhr.status, xhr.responseText); });
}

$('#call-sales').on('click', function () {
  placeSalesCall(sessionStorage.getItem('token'), $('#customer-number').val());
});
