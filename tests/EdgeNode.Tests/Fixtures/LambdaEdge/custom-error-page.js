'use strict';
// origin-response: a friendly page instead of the origin's 404.
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  if (response.status === '404') {
    response.status = '404';
    response.statusDescription = 'Not Found';
    response.headers['content-type'] = [{ key: 'Content-Type', value: 'text/html' }];
    response.body = '<h1>Sorry, that page is not here.</h1>';
  }
  return response;
};
