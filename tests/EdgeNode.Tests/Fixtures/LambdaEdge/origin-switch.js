'use strict';
// origin-request: requests with X-Backend: second, viewers from FR, and a gradual share of the rest
// (X-Second-Share, 0 to 1, drawn with Math.random) go to the second origin, a custom origin on another port.
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const backend = request.headers['x-backend'] && request.headers['x-backend'][0].value;
  const country = request.headers['cloudfront-viewer-country'] && request.headers['cloudfront-viewer-country'][0].value;
  const port = request.headers['x-second-port'] && Number(request.headers['x-second-port'][0].value);
  const share = request.headers['x-second-share'] ? Number(request.headers['x-second-share'][0].value) : 0;
  if (backend === 'second' || country === 'FR' || Math.random() < share) {
    request.origin = {
      custom: {
        domainName: '127.0.0.1', port: port, protocol: 'http', path: '',
        sslProtocols: ['TLSv1.2'], readTimeout: 30, keepaliveTimeout: 5, customHeaders: {},
      },
    };
    request.headers['host'] = [{ key: 'Host', value: '127.0.0.1:' + port }];
  }
  return request;
};
