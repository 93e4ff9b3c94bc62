'use strict';
// Moved section: /old/... answers 301 to /new/..., keeping the query string.
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (request.uri.startsWith('/old/')) {
    const location = '/new/' + request.uri.slice('/old/'.length) + (request.querystring ? '?' + request.querystring : '');
    callback(null, {
      status: '301',
      statusDescription: 'Moved Permanently',
      headers: { location: [{ key: 'Location', value: location }] },
    });
    return;
  }
  callback(null, request);
};
