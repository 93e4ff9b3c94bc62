'use strict';
// origin-request: static assets move from the custom origin to an S3 bucket origin.
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri.startsWith('/assets/')) {
    const bucket = request.headers['x-bucket-host'] ? request.headers['x-bucket-host'][0].value : 'my-bucket.s3.amazonaws.com';
    request.origin = { s3: { domainName: bucket, region: 'us-east-1', authMethod: 'none', path: '/site', customHeaders: {} } };
    request.headers['host'] = [{ key: 'Host', value: bucket }];
  }
  return request;
};
