'use strict';
// origin-request: requests with X-Backend: second (or viewers from FR, or ~0% by Math.random)
// go to the second origin, as a custom origin on another port.
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const backend = request.headers['x-backend'] && request.headers['x-backend'][0].value;
  const country = request.headers['cloudfront-viewer-country'] && request.headers['cloudfront-viewer-country'][0].value;
  const port = request.headers['x-second-port'] && Number(request.headers['x-second-port'][0].value);
  if (backend === 'second' || country === 'FR' || Math.random() < 0) {
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
