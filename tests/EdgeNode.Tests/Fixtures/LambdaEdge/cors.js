'use strict';
// viewer-response: CORS for allowed origins only.
const ALLOWED = ['https://app.example.com', 'https://admin.example.com'];
exports.handler = async (event) => {
  const { request, response } = event.Records[0].cf;
  const origin = request.headers.origin && request.headers.origin[0].value;
  if (origin && ALLOWED.includes(origin)) {
    response.headers['access-control-allow-origin'] = [{ key: 'Access-Control-Allow-Origin', value: origin }];
    response.headers['access-control-allow-methods'] = [{ key: 'Access-Control-Allow-Methods', value: 'GET, HEAD, OPTIONS' }];
    response.headers['vary'] = [{ key: 'Vary', value: 'Origin' }];
  }
  return response;
};
