import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkBaseUrl,
  checkStoreDomain,
  isImonggoAccountId,
  parseAllowedHosts,
} from './host-check.ts';

describe('store domain check', () => {
  it('accepts public BigCommerce store domains, with or without a scheme', () => {
    assert.deepEqual(checkStoreDomain('My-Shop.mybigcommerce.com', []), {
      ok: true,
      domain: 'my-shop.mybigcommerce.com',
    });
    assert.deepEqual(checkStoreDomain('https://store-abc.bigcommerce.com/', []), {
      ok: true,
      domain: 'store-abc.bigcommerce.com',
    });
  });

  for (const typed of [
    '127.0.0.1',
    '10.0.0.8',
    '192.168.1.1',
    '169.254.169.254',
    '[::1]',
    '::1',
    '2130706433',
    '0x7f.1',
    'localhost',
    'shop.localhost',
    'intranet',
    'example.com',
    'mybigcommerce.com.evil.test',
    'evil.test/.mybigcommerce.com',
    'user@shop.mybigcommerce.com',
    '',
  ]) {
    it(`refuses ${JSON.stringify(typed)}`, () => {
      assert.equal(checkStoreDomain(typed, []).ok, false);
    });
  }

  it('lets the allow-list through exactly', () => {
    const allowed = parseAllowedHosts(' 127.0.0.1:4102 , Shop.Test ');
    assert.deepEqual(allowed, ['127.0.0.1:4102', 'shop.test']);
    assert.equal(checkStoreDomain('127.0.0.1:4102', allowed).ok, true);
    assert.equal(checkStoreDomain('shop.test', allowed).ok, true);
    assert.equal(checkStoreDomain('127.0.0.1:4103', allowed).ok, false);
  });
});

describe('base URL check', () => {
  it('wants https on the service domain, or an allowed host', () => {
    assert.equal(checkBaseUrl('https://api.bigcommerce.com', '.bigcommerce.com', []), undefined);
    assert.match(checkBaseUrl('http://127.0.0.1:4102', '.bigcommerce.com', []) ?? '', /https/);
    assert.match(checkBaseUrl('https://10.1.1.1', '.bigcommerce.com', []) ?? '', /under/);
    assert.equal(
      checkBaseUrl('http://127.0.0.1:4101/accounts/{account_id}', '.imonggo.com', [
        '127.0.0.1:4101',
      ]),
      undefined,
    );
    assert.match(checkBaseUrl('not a url', '.imonggo.com', []) ?? '', /not a URL/);
  });
});

describe('Imonggo account id', () => {
  it('takes letters, digits, - and _ only', () => {
    assert.equal(isImonggoAccountId('demo-shop_2'), true);
    for (const bad of ['', 'a.b', 'evil.com/x', 'a b', '-a', 'x'.repeat(64)]) {
      assert.equal(isImonggoAccountId(bad), false, bad);
    }
  });
});
