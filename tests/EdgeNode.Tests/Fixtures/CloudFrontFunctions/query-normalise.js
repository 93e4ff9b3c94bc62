// viewer-request: sorted, lower-cased query keys (querystring is an object here), returned as a string.
function handler(event) {
  var request = event.request;
  var keys = Object.keys(request.querystring).sort(function (a, b) { return a.toLowerCase() < b.toLowerCase() ? -1 : 1; });
  request.querystring = keys.map(function (k) { return k.toLowerCase() + '=' + request.querystring[k].value; }).join('&');
  return request;
}
