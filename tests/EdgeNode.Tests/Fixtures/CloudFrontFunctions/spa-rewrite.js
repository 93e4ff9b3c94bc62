// Single-page app: paths without a file extension are served by /index.html.
function handler(event) {
  var request = event.request;
  if (!/\.[a-zA-Z0-9]+$/.test(request.uri)) {
    request.uri = '/echo/index.html';
  }
  return request;
}
