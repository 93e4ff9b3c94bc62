// viewer-response: the usual security headers on every answer.
function handler(event) {
  var headers = event.response.headers;
  headers['strict-transport-security'] = { value: 'max-age=63072000; includeSubdomains; preload' };
  headers['content-security-policy'] = { value: "default-src 'self'" };
  headers['x-content-type-options'] = { value: 'nosniff' };
  headers['x-frame-options'] = { value: 'DENY' };
  return event.response;
}
