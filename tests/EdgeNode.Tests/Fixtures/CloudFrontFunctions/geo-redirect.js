// viewer-request: viewers from Germany go to the German site.
function handler(event) {
  var country = event.request.headers['cloudfront-viewer-country'];
  if (country && country.value === 'DE' && event.request.uri.indexOf('/de/') !== 0) {
    return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/de' + event.request.uri } } };
  }
  return event.request;
}
