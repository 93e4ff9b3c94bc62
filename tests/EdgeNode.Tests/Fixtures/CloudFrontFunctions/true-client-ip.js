// viewer-request: the viewer's address for the origin.
function handler(event) {
  event.request.headers['true-client-ip'] = { value: event.viewer.ip };
  return event.request;
}
