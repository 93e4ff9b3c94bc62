'use strict';
// A Lambda@Edge viewer-request function that answers by itself, with its version and environment.
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  return {
    status: '200',
    statusDescription: 'OK',
    headers: { 'content-type': [{ key: 'Content-Type', value: 'text/plain' }] },
    body: `Hello from ${process.env.AWS_LAMBDA_FUNCTION_NAME} version ${process.env.AWS_LAMBDA_FUNCTION_VERSION} (${process.env.GREETING || 'no greeting'}) for ${request.uri}\n`,
  };
};
