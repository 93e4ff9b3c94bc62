'use strict';
// origin-request: viewers from Germany go to the German site.
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const country = request.headers['cloudfront-viewer-country'];
  if (country && country[0].value === 'DE' && !request.uri.startsWith('/de/')) {
    return {
      status: '302',
      statusDescription: 'Found',
      headers: { location: [{ key: 'Location', value: '/de' + request.uri }], 'cache-control': [{ key: 'Cache-Control', value: 'no-store' }] },
    };
  }
  return request;
};
