// viewer-request: A/B test by cookie (the cookies object of CloudFront Functions).
function handler(event) {
  var request = event.request;
  var cookie = request.cookies.ab;
  var group = cookie && (cookie.value === 'a' || cookie.value === 'b') ? cookie.value : (Math.random() < 0.5 ? 'a' : 'b');
  request.uri = '/echo/' + group + request.uri.replace(/^\/echo/, '');
  return request;
}
