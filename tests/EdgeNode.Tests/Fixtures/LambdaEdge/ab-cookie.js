'use strict';
// viewer-request: A/B test by cookie; a viewer without one is assigned a group.
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const cookies = (request.headers.cookie || []).map((c) => c.value).join('; ');
  const match = /(?:^|;\s*)ab=(a|b)(?:;|$)/.exec(cookies);
  const group = match ? match[1] : (Math.random() < 0.5 ? 'a' : 'b');
  request.uri = '/echo/' + group + request.uri.replace(/^\/echo/, '');
  return request;
};
