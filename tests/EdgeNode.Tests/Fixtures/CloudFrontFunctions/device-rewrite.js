// viewer-request: mobile viewers get the mobile pages.
function handler(event) {
  var mobile = event.request.headers['cloudfront-is-mobile-viewer'];
  if (mobile && mobile.value === 'true') {
    event.request.uri = '/echo/mobile' + event.request.uri.replace(/^\/echo/, '');
  }
  return event.request;
}
