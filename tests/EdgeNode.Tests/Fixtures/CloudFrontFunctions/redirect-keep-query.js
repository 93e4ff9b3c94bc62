// Moved section: /old/... answers 301 to /new/..., keeping the query string.
function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('/old/') !== 0) return request;
  var parts = [];
  for (var key in request.querystring) {
    var entry = request.querystring[key];
    if (entry.multiValue) {
      entry.multiValue.forEach(function (v) { parts.push(key + '=' + v.value); });
    } else {
      parts.push(key + '=' + entry.value);
    }
  }
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: { location: { value: '/new/' + request.uri.slice(5) + (parts.length ? '?' + parts.join('&') : '') } },
  };
}
