import rule from '../../../../src/core/rules/contract/content-type';
import { fixtureContract } from '../../../helpers/contracts';
import { ruleTester } from '../../../helpers/ruleTester';

const MUSEUM = 'https://redocly.com/_mock/docs/openapi/museum-api';
const museum = fixtureContract('museum-3.1.yaml');
const PET = 'http://127.0.0.1:8080/api/v3';
const petstore = fixtureContract('petstore-3.0.yaml', { baseUrl: PET });

ruleTester(
  rule,
  {
    valid: [
      {
        name: 'documented JSON',
        url: `${MUSEUM}/museum-hours`,
        headers: { 'Content-Type': 'application/json' },
        body: [],
      },
      {
        name: 'parameters on the Content-Type',
        url: `${MUSEUM}/museum-hours`,
        headers: { 'Content-Type': 'Application/JSON; charset=utf-8' },
        body: [],
      },
      {
        name: 'the second of two documented types',
        url: `${PET}/pet/10`,
        headers: { 'Content-Type': 'application/xml' },
        body: '<pet/>',
      },
      {
        name: 'image/png under a documented image/png',
        url: `${MUSEUM}/tickets/abc/qr`,
        headers: { 'Content-Type': 'image/png' },
        rawBody: { kind: 'binary', size: 100 },
      },
      {
        name: 'a 204 carries nothing',
        method: 'DELETE',
        url: `${MUSEUM}/special-events/x`,
        status: 204,
        body: null,
      },
      {
        name: 'an empty body where no content is documented',
        url: `${MUSEUM}/museum-hours`,
        status: 404,
        body: null,
      },
    ],
    invalid: [
      {
        name: 'HTML where JSON is documented',
        url: `${MUSEUM}/museum-hours`,
        headers: { 'Content-Type': 'text/html' },
        body: '<h1>hours</h1>',
        findings: [
          {
            severity: 'warning',
            message: ['text/html', 'GET /museum-hours (getMuseumHours) 200', 'application/json'],
          },
        ],
      },
      {
        name: 'no Content-Type on a body where JSON is documented',
        url: `${MUSEUM}/museum-hours`,
        body: '[]',
        findings: [{ severity: 'warning', message: ['no Content-Type', 'application/json'] }],
      },
      {
        name: 'a body where the response documents no content',
        url: `${PET}/pet/10`,
        status: 404,
        headers: { 'Content-Type': 'application/json' },
        body: { error: 'not found' },
        findings: [
          {
            severity: 'warning',
            message: ['GET /pet/{petId} (getPetById) 404', 'documents no content', 'application/json'],
          },
        ],
      },
    ],
  },
  { contracts: [museum, petstore] },
);
