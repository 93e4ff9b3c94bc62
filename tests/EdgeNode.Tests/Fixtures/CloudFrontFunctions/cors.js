// viewer-response: CORS for allowed origins only.
var ALLOWED = ['https://app.example.com'];
function handler(event) {
  var origin = event.request.headers.origin;
  if (origin && ALLOWED.indexOf(origin.value) >= 0) {
    event.response.headers['access-control-allow-origin'] = { value: origin.value };
    event.response.headers['vary'] = { value: 'Origin' };
  }
  return event.response;
}
