'use strict';
// viewer-request: the viewer's address for the origin, as CloudFront's True-Client-IP.
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.headers['true-client-ip'] = [{ key: 'True-Client-IP', value: request.clientIp }];
  return request;
};
