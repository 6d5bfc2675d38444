#!/usr/bin/env python3
"""A stand-in for Stripe for Kairos's tests: localstripe plus what it lacks.

localstripe (https://github.com/adrienverge/localstripe) keeps real PaymentMethods,
PaymentIntents, SetupIntents, Charges, Refunds and Events, and signs webhooks the way
Stripe does. This program imports its aiohttp application and adds, following the
shapes Stripe documents:

* Checkout Sessions (`/v1/checkout/sessions`, object `checkout.session`, `cs_test_…`),
  in `payment` and `setup` mode, with a hosted page at `/pay/{id}` that really pays
  through localstripe (card 4242 4242 4242 4242, or a declining card), then sends a
  signed `checkout.session.completed` and redirects to `success_url`;
  `checkout.session.expired` on `/expire` or once `expires_at` has passed.
* `GET /v1/account`.
* Stripe's authentication errors: no key, and a configurable bad key (any key that
  contains `--invalid-key-marker`, default `invalid`) answer 401 everywhere.
* `Idempotency-Key` on every POST, per API key, as Stripe documents it.
* Refunds that Stripe would refuse (more than what is left, a charge already refunded)
  are refused; `charge.refunded` and `refund.created` are sent.
* Each API key is its own "account" for what tests look at: the ledger
  (`GET /_test/ledger`), the clock (`POST /_test/clock`), and webhook endpoints
  registered with that key. Objects stay readable from every key, as in localstripe.
* State in memory only (or in the pickle given by `--state`), never localstripe's
  /tmp/localstripe.pickle.

Test-only endpoints (no API key needed; a key, when given, selects the account):

  POST /_config/webhooks/{id}        url, secret, events[] (localstripe's)
  DELETE /_config/webhooks/{id}
  POST /_test/checkout/sessions/{id}/pay   card=ok|declined, email → JSON
  GET  /_test/ledger                 charged/refunded per currency, charges, refunds
  POST /_test/clock                  now=<epoch> or advance=<seconds>
  GET  /_test/webhooks/deliveries    what was sent where, with the answer's status

Usage: python tests/payments/stripe_standin.py --port 0
prints `listening on http://127.0.0.1:PORT` once it accepts connections.
"""

import argparse
import asyncio
import base64
import contextvars
import hashlib
import hmac
import html
import json
import logging
import os
import pickle
import re
import sys
import threading
import time
import urllib.parse

import aiohttp
from aiohttp import web

from localstripe import resources as ls
from localstripe import server as lss
from localstripe import webhooks as lsw
from localstripe.errors import UserError

log = logging.getLogger('stripe_standin')

# --------------------------------------------------------------------------------------
# Configuration, filled in by main().

ACCOUNT_NAME = 'Kairos Test Practice'
INVALID_KEY_MARKER = 'invalid'
WEBHOOK_DELAY = 1.0
STATE_PATH = None

# The API key of the request being served ('' without one): objects, events and clock
# readings are attributed to it.
CURRENT_KEY = contextvars.ContextVar('stripe_standin_key', default='')
CURRENT_IDEMPOTENCY_KEY = contextvars.ContextVar('stripe_standin_ikey', default=None)

# API key → seconds added to the real time (POST /_test/clock).
CLOCK_OFFSETS = {}
# Webhook endpoint id → the API key it was registered with ('' = every event).
WEBHOOK_OWNERS = {}
# The latest webhook deliveries, newest last.
DELIVERIES = []


def now(key=None):
    """The time as the account `key` (default: the current request's) sees it."""
    if key is None:
        key = CURRENT_KEY.get()
    return int(time.time() + CLOCK_OFFSETS.get(key, 0))


# --------------------------------------------------------------------------------------
# State: memory, or the pickle at --state. Never localstripe's /tmp file.

def _dump_to_disk(self):
    if STATE_PATH is None:
        return
    tmp = STATE_PATH + '.tmp'
    with open(tmp, 'wb') as f:
        pickle.dump(dict(self), f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, STATE_PATH)


def _load_from_disk(self):
    if STATE_PATH is None:
        return
    try:
        with open(STATE_PATH, 'rb') as f:
            old = pickle.load(f)
    except FileNotFoundError:
        return
    dict.clear(self)
    dict.update(self, old)


ls.Store.dump_to_disk = _dump_to_disk
ls.Store.try_load_from_disk = _load_from_disk


# Every object remembers the API key it was made under (private: never exported).
_original_object_init = ls.StripeObject.__init__


def _object_init(self, *args, **kwargs):
    _original_object_init(self, *args, **kwargs)
    self._api_key = CURRENT_KEY.get()


ls.StripeObject.__init__ = _object_init


# --------------------------------------------------------------------------------------
# Errors shaped like Stripe's.

class StripeError(UserError):
    def __init__(self, status, message, type='invalid_request_error', **fields):
        UserError.__init__(self, status, message,
                           {k: v for k, v in fields.items() if v is not None})
        self.body['error']['type'] = type


def missing(param):
    return StripeError(400, 'Missing required param: %s.' % param, param=param,
                       code='parameter_missing')


def unknown(param):
    return StripeError(400, 'Received unknown parameter: %s' % param, param=param,
                       code='parameter_unknown')


def invalid(param, message, code='parameter_invalid'):
    return StripeError(400, message, param=param, code=code)


def to_int(value, param, minimum=None):
    if isinstance(value, bool):
        raise invalid(param, 'Invalid integer: %s' % value, 'parameter_invalid_integer')
    if isinstance(value, int):
        number = value
    else:
        try:
            number = int(str(value), 10)
        except ValueError:
            raise invalid(param, 'Invalid integer: %s' % value,
                          'parameter_invalid_integer')
    if minimum is not None and number < minimum:
        raise invalid(param, 'This value must be greater than or equal to %d.'
                      % minimum, 'parameter_invalid_integer')
    return number


def to_bool(value, param):
    if isinstance(value, bool):
        return value
    if value in ('true', 'false'):
        return value == 'true'
    raise invalid(param, 'Invalid boolean: %s' % value)


def check_keys(data, allowed, prefix=''):
    for key in data:
        if key not in allowed:
            raise unknown(prefix + key if not prefix else '%s[%s]' % (prefix, key))


# --------------------------------------------------------------------------------------
# Money, as https://docs.stripe.com/currencies describes it.

ZERO_DECIMAL = {'bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf',
                'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf'}
THREE_DECIMAL = {'bhd', 'jod', 'kwd', 'omr', 'tnd'}
# Two decimals in the API, whole units only (amounts divisible by 100).
WHOLE_UNITS_ONLY = {'isk'}
# Minimum charge amounts, in minor units (the currencies Stripe's table lists that a
# practice is likely to use; others are not checked).
MINIMUM = {'usd': 50, 'eur': 50, 'gbp': 30, 'chf': 50, 'cad': 50, 'aud': 50,
           'nzd': 50, 'sgd': 50, 'jpy': 50, 'dkk': 250, 'nok': 300, 'sek': 300,
           'pln': 200, 'czk': 1500, 'huf': 17500, 'hkd': 400, 'mxn': 1000, 'brl': 50,
           'inr': 50, 'ron': 200, 'bgn': 100, 'aed': 200, 'myr': 200, 'thb': 1000}
MAXIMUM = 99999999
SYMBOLS = {'eur': '€', 'usd': '$', 'gbp': '£', 'jpy': '¥', 'inr': '₹', 'krw': '₩'}


def decimals(currency):
    if currency in ZERO_DECIMAL:
        return 0
    if currency in THREE_DECIMAL:
        return 3
    return 2


def format_amount(amount, currency):
    places = decimals(currency)
    if places:
        whole, minor = divmod(amount, 10 ** places)
        text = '{:,}.{:0{}d}'.format(whole, minor, places)
    else:
        text = '{:,}'.format(amount)
    symbol = SYMBOLS.get(currency)
    return symbol + text if symbol else '%s %s' % (text, currency.upper())


def check_currency(currency, param):
    if not isinstance(currency, str) or not re.fullmatch(r'[A-Za-z]{3}', currency):
        raise invalid(param, 'Invalid currency: %s. Stripe currently supports these '
                      'currencies: usd, eur, gbp, jpy, …' % currency)
    return currency.lower()


def check_amount(amount, currency, param, total=True):
    """Stripe's rules for a charged amount: divisibility, minimum, maximum."""
    if currency in WHOLE_UNITS_ONLY and amount % 100:
        raise invalid(param, 'Invalid amount. Currency %s has become effectively '
                      'zero-decimal and charged amounts must be evenly divisible by '
                      '100.' % currency.upper(),
                      'invalid_charge_amount_no_decimal_compatible')
    if currency in THREE_DECIMAL and amount % 10:
        raise invalid(param, 'Invalid amount: amounts in %s must end in 0.'
                      % currency.upper(), 'invalid_charge_amount')
    if amount > MAXIMUM:
        raise invalid(param, 'Amount must be no more than %s'
                      % format_amount(MAXIMUM, currency), 'amount_too_large')
    minimum = MINIMUM.get(currency)
    if total and minimum is not None and amount < minimum:
        raise invalid(param, 'Amount must be at least %s %s'
                      % (format_amount(minimum, currency), currency),
                      'amount_too_small')


def check_metadata(metadata, param='metadata'):
    if metadata is None:
        return {}
    if not isinstance(metadata, dict):
        raise invalid(param, 'Invalid object')
    if len(metadata) > 50:
        raise invalid(param, 'You can specify up to 50 keys in metadata.')
    for key, value in metadata.items():
        if len(key) > 40:
            raise invalid('%s[%s]' % (param, key), 'Metadata keys can have up to 40 '
                          'characters, but you passed in a key that is %d characters.'
                          % len(key))
        if not isinstance(value, str):
            raise invalid('%s[%s]' % (param, key), 'Invalid string')
        if len(value) > 500:
            raise invalid('%s[%s]' % (param, key), 'Metadata values can have up to 500 '
                          'characters, but you passed in a value that is %d characters.'
                          % len(value))
    return {k: v for k, v in metadata.items() if v != ''}


# --------------------------------------------------------------------------------------
# What localstripe's PaymentIntents and Refunds lack.

_original_pi_init = ls.PaymentIntent.__init__


def _payment_intent_init(self, description=None, receipt_email=None,
                         statement_descriptor=None, statement_descriptor_suffix=None,
                         setup_future_usage=None, **kwargs):
    currency = kwargs.get('currency')
    amount = kwargs.get('amount')
    if isinstance(currency, str):
        kwargs['currency'] = currency = currency.lower()
        amount = ls.try_convert_to_int(amount)
        if isinstance(amount, int):
            check_amount(amount, currency, 'amount')
    if setup_future_usage not in (None, 'on_session', 'off_session'):
        raise invalid('setup_future_usage', 'Invalid setup_future_usage: must be one '
                      'of on_session or off_session')
    _original_pi_init(self, **kwargs)
    self.description = description
    self.receipt_email = receipt_email
    self.statement_descriptor = statement_descriptor
    self.statement_descriptor_suffix = statement_descriptor_suffix
    self.setup_future_usage = setup_future_usage


ls.PaymentIntent.__init__ = _payment_intent_init


_original_refund_create = ls.Refund._api_create.__func__


def _refund_create(cls, reason=None, **data):
    if reason not in (None, 'duplicate', 'fraudulent', 'requested_by_customer'):
        raise invalid('reason', 'Invalid reason: must be one of duplicate, fraudulent, '
                      'or requested_by_customer')
    charge = None
    param = 'payment_intent' if data.get('payment_intent') else 'charge'
    if isinstance(data.get('payment_intent'), str):
        pi = ls.PaymentIntent._api_retrieve(data['payment_intent'])
        if pi.latest_charge is None or pi.latest_charge.status != 'succeeded':
            raise invalid('payment_intent', 'This PaymentIntent (%s) does not have a '
                          'successful charge to refund.' % pi.id)
        charge = pi.latest_charge
    elif isinstance(data.get('charge'), str):
        charge = ls.Charge._api_retrieve(data['charge'])
    if charge is not None:
        left = charge.amount - charge.amount_refunded
        if left <= 0:
            raise invalid(param, 'Charge %s has already been refunded.' % charge.id,
                          'charge_already_refunded')
        amount = ls.try_convert_to_int(data.get('amount'))
        if isinstance(amount, int) and amount > left:
            raise invalid('amount', 'Refund amount (%s) is greater than unrefunded '
                          'amount on charge (%s)'
                          % (format_amount(amount, charge.currency),
                             format_amount(left, charge.currency)))
    refund = _original_refund_create(cls, **data)
    refund.reason = reason
    if refund.payment_intent is None and charge is not None:
        refund.payment_intent = charge.payment_intent
    ls.schedule_webhook(ls.Event('refund.created', refund))
    ls.schedule_webhook(ls.Event('charge.refunded', ls.Charge._api_retrieve(
        refund.charge)))
    return refund


ls.Refund._api_create = classmethod(_refund_create)


# --------------------------------------------------------------------------------------
# Webhooks: localstripe's registrations and signature (`t={t},v1=HMAC-SHA256 of
# "{t}.{payload}"` with the endpoint's secret), sent only to the endpoints of the
# account the event happened in (or registered without a key).

def sign(secret, timestamp, payload):
    signed = b'%d.%s' % (timestamp, payload)
    return hmac.new(secret.encode('utf-8'), signed, hashlib.sha256).hexdigest()


def schedule_webhook(event):
    event._api_key = getattr(event, '_api_key', CURRENT_KEY.get())
    event.created = now(event._api_key)
    event.request = {'id': None, 'idempotency_key': CURRENT_IDEMPOTENCY_KEY.get()}
    event.pending_webhooks = len(_endpoints_for(event))
    asyncio.ensure_future(_send_webhook(event))


def _endpoints_for(event):
    return [(id, hook) for id, hook in list(lsw._webhooks.items())
            if WEBHOOK_OWNERS.get(id, '') in ('', event._api_key)
            and (hook.events is None or event.type in hook.events)]


async def _send_webhook(event):
    payload = json.dumps(event._export(), indent=2, sort_keys=True).encode('utf-8')
    await asyncio.sleep(WEBHOOK_DELAY)
    for id, hook in _endpoints_for(event):
        headers = {
            'Content-Type': 'application/json; charset=utf-8',
            'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
            'Stripe-Signature': 't=%d,v1=%s' % (
                event.created, sign(hook.secret, event.created, payload)),
        }
        delivery = {'endpoint': id, 'url': hook.url, 'event': event.id,
                    'type': event.type, 'status': None, 'error': None}
        try:
            timeout = aiohttp.ClientTimeout(total=10)
            async with aiohttp.ClientSession(timeout=timeout) as session:
                async with session.post(hook.url, data=payload,
                                        headers=headers) as answer:
                    delivery['status'] = answer.status
        except (aiohttp.ClientError, asyncio.TimeoutError) as e:
            delivery['error'] = str(e) or type(e).__name__
        log.info('webhook %s %s → %s: %s', event.type, event.id, hook.url,
                 delivery['status'] or delivery['error'])
        DELIVERIES.append(delivery)
        del DELIVERIES[:-500]


ls.schedule_webhook = schedule_webhook
lsw.schedule_webhook = schedule_webhook


# --------------------------------------------------------------------------------------
# Checkout Sessions.

LOCALES = {'auto', 'bg', 'cs', 'da', 'de', 'el', 'en', 'en-GB', 'es', 'es-419', 'et',
           'fi', 'fil', 'fr', 'fr-CA', 'hr', 'hu', 'id', 'it', 'ja', 'ko', 'lt', 'lv',
           'ms', 'mt', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'ro', 'ru', 'sk', 'sl', 'sv',
           'th', 'tr', 'vi', 'zh', 'zh-HK', 'zh-TW'}
CREATE_PARAMS = {'mode', 'success_url', 'cancel_url', 'expires_at',
                 'client_reference_id', 'customer', 'customer_email',
                 'customer_creation', 'metadata', 'line_items', 'payment_intent_data',
                 'setup_intent_data', 'currency', 'locale', 'payment_method_types',
                 'submit_type', 'ui_mode', 'expand'}
MIN_LIFETIME = 30 * 60
MAX_LIFETIME = 24 * 60 * 60

CARDS = {
    'ok': '4242424242424242',
    # localstripe declines this one when charging (Stripe: "charge_customer_fail")...
    'declined': '4000000000000341',
    # ...and this one when attaching it to a customer (Stripe: "generic decline").
    'declined_setup': '4000000000000002',
}


class CheckoutSession(ls.StripeObject):
    object = 'checkout.session'
    _id_prefix = 'cs_test_'

    def __init__(self, base_url, mode, success_url, cancel_url, expires_at,
                 client_reference_id, customer, customer_email, customer_creation,
                 metadata, line_items, payment_intent_data, setup_intent_data,
                 currency, locale, submit_type):
        super().__init__(id='cs_test_a1' + ls.random_id(56))
        created = now()
        self.created = created
        self.after_expiration = None
        self.allow_promotion_codes = None
        amount = (sum(item['amount_total'] for item in line_items)
                  if mode == 'payment' else None)
        self.amount_subtotal = amount
        self.amount_total = amount
        self.automatic_tax = {'enabled': False, 'liability': None, 'status': None}
        self.billing_address_collection = None
        self.cancel_url = cancel_url
        self.client_reference_id = client_reference_id
        self.client_secret = None
        self.consent = None
        self.consent_collection = None
        self.currency = currency
        self.custom_fields = []
        self.custom_text = {'after_submit': None, 'shipping_address': None,
                            'submit': None, 'terms_of_service_acceptance': None}
        self.customer = customer
        self.customer_creation = customer_creation
        self.customer_details = None
        self.customer_email = customer_email
        self.expires_at = expires_at if expires_at is not None else created + MAX_LIFETIME
        self.invoice = None
        self.locale = locale
        self.metadata = metadata
        self.mode = mode
        self.payment_intent = None
        self.payment_link = None
        self.payment_method_collection = 'always' if mode == 'setup' else None
        self.payment_method_types = ['card']
        self.payment_status = 'unpaid' if mode == 'payment' else 'no_payment_required'
        self.phone_number_collection = {'enabled': False}
        self.recovered_from = None
        self.setup_intent = None
        self.shipping_address_collection = None
        self.shipping_cost = None
        self.shipping_options = []
        self.status = 'open'
        self.submit_type = submit_type
        self.subscription = None
        self.success_url = success_url
        self.total_details = ({'amount_discount': 0, 'amount_shipping': 0,
                               'amount_tax': 0} if mode == 'payment' else None)
        self.ui_mode = 'hosted'
        self.url = '%s/pay/%s' % (base_url, self.id)
        self._line_items = line_items
        self._payment_intent_data = payment_intent_data
        self._setup_intent_data = setup_intent_data

    # Only `_`-names below: localstripe exports every public attribute.

    def _line_items_list(self):
        return {'object': 'list', 'data': [dict(item) for item in self._line_items],
                'has_more': False,
                'url': '/v1/checkout/sessions/%s/line_items' % self.id}

    def _export_with(self, expand=None):
        expand = list(expand or [])
        with_items = 'line_items' in expand
        if with_items:
            expand.remove('line_items')
        exported = self._export(expand=expand)
        if with_items:
            exported['line_items'] = self._line_items_list()
        return exported

    def _check_expiry(self):
        """Expires an open session whose `expires_at` has passed (as Stripe does, with
        `checkout.session.expired`)."""
        if self.status == 'open' and now(self._api_key) >= self.expires_at:
            self._expire()

    def _expire(self):
        self.status = 'expired'
        self.url = None
        if self.payment_intent:
            pi = ls.PaymentIntent._api_retrieve(self.payment_intent)
            if pi.status in ('requires_payment_method', 'requires_confirmation',
                             'requires_action'):
                pi._canceled = True
                pi.next_action = None
        token = CURRENT_KEY.set(self._api_key)
        try:
            schedule_webhook(ls.Event('checkout.session.expired', self))
        finally:
            CURRENT_KEY.reset(token)

    def _success_redirect(self):
        return self.success_url.replace('{CHECKOUT_SESSION_ID}', self.id)

    def _complete(self, card, email):
        """What the hosted page does when the visitor submits it. Raises StripeError
        (402) for a declined card; the session then stays open."""
        self._check_expiry()
        if self.status == 'expired':
            raise StripeError(410, 'This Checkout Session (%s) has expired; it can no '
                              'longer be paid.' % self.id,
                              code='checkout_session_expired')
        if self.status == 'complete':
            raise StripeError(400, 'This Checkout Session (%s) is already complete.'
                              % self.id, code='checkout_session_already_complete')
        if card not in ('ok', 'declined'):
            raise invalid('card', 'card must be ok or declined')
        email = email or self.customer_email or self._customer_email() or \
            'visitor@example.com'
        token = CURRENT_KEY.set(self._api_key)
        try:
            if self.mode == 'payment':
                self._pay(card, email)
            else:
                self._set_up(card, email)
            self.status = 'complete'
            self.url = None
            self.customer_details = {'address': None, 'email': email, 'name': None,
                                     'phone': None, 'tax_exempt': 'none',
                                     'tax_ids': []}
            if self.mode == 'payment':
                self.payment_status = 'paid'
            schedule_webhook(ls.Event('checkout.session.completed', self))
        finally:
            CURRENT_KEY.reset(token)

    def _customer_email(self):
        if self.customer:
            return ls.Customer._api_retrieve(self.customer).email

    def _card(self, number, email):
        return ls.PaymentMethod(type='card', billing_details={'email': email},
                                card={'number': number, 'exp_month': '12',
                                      'exp_year': '2034', 'cvc': '123'})

    def _pay(self, card, email):
        pm = self._card(CARDS[card], email)
        data = self._payment_intent_data
        if self.payment_intent is None:
            pi = ls.PaymentIntent(amount=self.amount_total, currency=self.currency,
                                  customer=self.customer, payment_method=pm.id,
                                  metadata=dict(data.get('metadata', {})),
                                  description=data.get('description'),
                                  setup_future_usage=data.get('setup_future_usage'))
            self.payment_intent = pi.id
        else:
            # A new card after a decline: the same PaymentIntent, confirmed again.
            pi = ls.PaymentIntent._api_retrieve(self.payment_intent)
            pi.payment_method = pm.id
            pi.latest_charge = None
        try:
            pi._confirm(on_failure_now=pi._report_failure)
        except UserError:
            raise StripeError(402, 'Your card was declined.', type='card_error',
                              code='card_declined', decline_code='generic_decline',
                              payment_intent=pi.id, checkout_session=self.id)
        if pi.status != 'succeeded':
            raise StripeError(500, 'The stand-in cannot take this payment (%s)'
                              % pi.status)
        if pi.setup_future_usage and self.customer:
            ls.PaymentMethod._api_attach(pm.id, customer=self.customer)

    def _set_up(self, card, email):
        if self.customer is None:
            # Kept cards need a customer: Checkout makes one when none was given.
            self.customer = ls.Customer(email=email).id
        pm = self._card(CARDS['ok' if card == 'ok' else 'declined_setup'], email)
        data = self._setup_intent_data
        si = ls.SetupIntent(customer=self.customer, usage='off_session',
                            metadata=dict(data.get('metadata', {})))
        si.description = data.get('description')
        try:
            ls.SetupIntent._api_confirm(si.id, payment_method=pm.id)
            # Stripe attaches the card to the SetupIntent's customer; localstripe
            # does not, so charging it off-session would not find it.
            ls.PaymentMethod._api_attach(pm.id, customer=self.customer)
        except UserError:
            raise StripeError(402, 'Your card was declined.', type='card_error',
                              code='card_declined', decline_code='generic_decline',
                              setup_intent=si.id, checkout_session=self.id)
        self.setup_intent = si.id
        schedule_webhook(ls.Event('setup_intent.succeeded', si))
        schedule_webhook(ls.Event('payment_method.attached', pm))


def _line_item(index, item, mode):
    param = 'line_items[%d]' % index
    if not isinstance(item, dict):
        raise invalid(param, 'Invalid object')
    check_keys(item, {'price_data', 'quantity', 'price'}, param)
    if 'price' in item:
        raise invalid(param + '[price]', "No such price: '%s'" % item['price'],
                      'resource_missing')
    price_data = item.get('price_data')
    if price_data is None:
        raise missing(param + '[price_data]')
    if not isinstance(price_data, dict):
        raise invalid(param + '[price_data]', 'Invalid object')
    check_keys(price_data, {'currency', 'unit_amount', 'product_data'},
               param + '[price_data]')
    if 'currency' not in price_data:
        raise missing(param + '[price_data][currency]')
    currency = check_currency(price_data['currency'], param + '[price_data][currency]')
    if 'unit_amount' not in price_data:
        raise missing(param + '[price_data][unit_amount]')
    unit_amount = to_int(price_data['unit_amount'],
                         param + '[price_data][unit_amount]', minimum=0)
    product = price_data.get('product_data')
    if not isinstance(product, dict) or not product.get('name'):
        raise missing(param + '[price_data][product_data][name]')
    check_keys(product, {'name', 'description'}, param + '[price_data][product_data]')
    if 'quantity' not in item:
        raise missing(param + '[quantity]')
    quantity = to_int(item['quantity'], param + '[quantity]', minimum=1)
    total = unit_amount * quantity
    return {
        'id': 'li_' + ls.random_id(24),
        'object': 'item',
        'amount_discount': 0,
        'amount_subtotal': total,
        'amount_tax': 0,
        'amount_total': total,
        'currency': currency,
        'description': product['name'],
        'price': {
            'id': 'price_' + ls.random_id(24),
            'object': 'price',
            'active': False,
            'billing_scheme': 'per_unit',
            'currency': currency,
            'livemode': False,
            'metadata': {},
            'product': 'prod_' + ls.random_id(14),
            'recurring': None,
            'type': 'one_time',
            'unit_amount': unit_amount,
            'unit_amount_decimal': str(unit_amount),
        },
        'quantity': quantity,
    }


def create_session(data, base_url):
    check_keys(data, CREATE_PARAMS)
    mode = data.get('mode')
    if mode is None:
        raise missing('mode')
    if mode == 'subscription':
        raise invalid('mode', 'The stand-in does not model subscription mode.')
    if mode not in ('payment', 'setup'):
        raise invalid('mode', 'Invalid mode: must be one of payment, setup, or '
                      'subscription')
    if data.get('ui_mode', 'hosted') != 'hosted':
        raise invalid('ui_mode', 'The stand-in only models ui_mode=hosted.')

    success_url = data.get('success_url')
    if success_url is None:
        raise missing('success_url')
    for param in ('success_url', 'cancel_url'):
        url = data.get(param)
        if url is not None and not re.match(r'^https?://[^\s/]+', url):
            raise invalid(param, 'Not a valid URL', 'url_invalid')

    created = now()
    expires_at = data.get('expires_at')
    if expires_at is not None:
        expires_at = to_int(expires_at, 'expires_at')
        if expires_at < created + MIN_LIFETIME:
            raise invalid('expires_at', 'The `expires_at` timestamp must be at least '
                          '30 minutes from Checkout Session creation.')
        if expires_at > created + MAX_LIFETIME:
            raise invalid('expires_at', 'The `expires_at` timestamp must be less than '
                          '24 hours from Checkout Session creation.')

    client_reference_id = data.get('client_reference_id')
    if client_reference_id is not None and len(client_reference_id) > 200:
        raise invalid('client_reference_id', 'client_reference_id can have up to 200 '
                      'characters.')

    customer = data.get('customer')
    customer_email = data.get('customer_email')
    if customer is not None and customer_email is not None:
        raise StripeError(400, 'You may only specify one of these parameters: '
                          'customer, customer_email.', param='customer_email')
    if customer is not None:
        if not isinstance(customer, str) or \
                ls.store.get('customer:' + customer) is None:
            raise invalid('customer', "No such customer: '%s'" % customer,
                          'resource_missing')
    customer_creation = data.get('customer_creation')
    if customer_creation not in (None, 'always', 'if_required'):
        raise invalid('customer_creation', 'Invalid customer_creation: must be one of '
                      'always or if_required')
    if customer_creation is not None and customer is not None:
        raise invalid('customer_creation', 'You may only specify one of these '
                      'parameters: customer, customer_creation.')
    if customer_creation is None and mode == 'payment' and customer is None:
        customer_creation = 'if_required'

    metadata = check_metadata(data.get('metadata'))

    locale = data.get('locale')
    if locale is not None and locale not in LOCALES:
        raise invalid('locale', 'Invalid locale: must be one of %s'
                      % ', '.join(sorted(LOCALES)))

    payment_method_types = data.get('payment_method_types')
    if payment_method_types is not None and payment_method_types != ['card']:
        raise invalid('payment_method_types', 'The stand-in only models cards '
                      '(payment_method_types[]=card).')
    submit_type = data.get('submit_type')
    if submit_type is not None and (mode != 'payment' or submit_type not in (
            'auto', 'book', 'donate', 'pay', 'subscribe')):
        raise invalid('submit_type', 'Invalid submit_type')

    payment_intent_data = data.get('payment_intent_data') or {}
    setup_intent_data = data.get('setup_intent_data') or {}
    if not isinstance(payment_intent_data, dict):
        raise invalid('payment_intent_data', 'Invalid object')
    if not isinstance(setup_intent_data, dict):
        raise invalid('setup_intent_data', 'Invalid object')
    check_keys(payment_intent_data, {'metadata', 'description', 'setup_future_usage'},
               'payment_intent_data')
    check_keys(setup_intent_data, {'metadata', 'description'}, 'setup_intent_data')
    if payment_intent_data and mode != 'payment':
        raise invalid('payment_intent_data', 'You can not pass `payment_intent_data` '
                      'in `setup` mode.')
    if setup_intent_data and mode != 'setup':
        raise invalid('setup_intent_data', 'You can only pass `setup_intent_data` in '
                      '`setup` mode.')
    payment_intent_data = dict(payment_intent_data)
    setup_intent_data = dict(setup_intent_data)
    payment_intent_data['metadata'] = check_metadata(
        payment_intent_data.get('metadata'), 'payment_intent_data[metadata]')
    setup_intent_data['metadata'] = check_metadata(
        setup_intent_data.get('metadata'), 'setup_intent_data[metadata]')
    if payment_intent_data.get('setup_future_usage') not in (
            None, 'on_session', 'off_session'):
        raise invalid('payment_intent_data[setup_future_usage]',
                      'Invalid setup_future_usage: must be one of on_session or '
                      'off_session')

    line_items = data.get('line_items')
    currency = data.get('currency')
    if mode == 'payment':
        if not line_items:
            raise missing('line_items')
        if not isinstance(line_items, list):
            raise invalid('line_items', 'Invalid array')
        items = [_line_item(i, item, mode) for i, item in enumerate(line_items)]
        currencies = {item['currency'] for item in items}
        if len(currencies) > 1:
            raise invalid('line_items', 'All line items must use the same currency.')
        item_currency = currencies.pop()
        if currency is not None and check_currency(currency, 'currency') != \
                item_currency:
            raise invalid('currency', 'The currency must match the line items\' '
                          'currency.')
        currency = item_currency
        total = sum(item['amount_total'] for item in items)
        if MINIMUM.get(currency) is not None and total < MINIMUM[currency]:
            raise invalid('line_items', "The Checkout Session's total amount due must "
                          'add up to at least %s %s'
                          % (format_amount(MINIMUM[currency], currency), currency),
                          'amount_too_small')
        check_amount(total, currency, 'line_items')
    else:
        if line_items:
            raise invalid('line_items', 'You can not pass `line_items` in `setup` '
                          'mode.')
        items = []
        if currency is None:
            raise invalid('currency', 'currency is required in setup mode when '
                          'payment_method_types is not set.', 'parameter_missing')
        currency = check_currency(currency, 'currency')

    return CheckoutSession(
        base_url=base_url, mode=mode, success_url=success_url,
        cancel_url=data.get('cancel_url'), expires_at=expires_at,
        client_reference_id=client_reference_id, customer=customer,
        customer_email=customer_email, customer_creation=customer_creation,
        metadata=metadata, line_items=items,
        payment_intent_data=payment_intent_data,
        setup_intent_data=setup_intent_data, currency=currency, locale=locale,
        submit_type=submit_type)


def retrieve_session(id):
    session = ls.store.get('checkout.session:' + id)
    if session is None:
        raise StripeError(404, "No such checkout.session: '%s'" % id, param='session',
                          code='resource_missing')
    session._check_expiry()
    return session


def base_url(request):
    return '%s://%s' % (request.scheme, request.host)


def json_response(body, status=200):
    return lss.json_response(body, status=status)


async def api_create_session(request):
    data = await lss.get_post_data(request) or {}
    data = dict(data)
    expand = data.pop('expand', None)
    session = create_session(data, base_url(request))
    return json_response(session._export_with(expand))


async def api_retrieve_session(request):
    data = lss.unflatten_data(request.query)
    session = retrieve_session(request.match_info['id'])
    return json_response(session._export_with(data.get('expand')))


async def api_list_sessions(request):
    data = lss.unflatten_data(request.query)
    filters = {k: data.pop(k) for k in ('payment_intent', 'customer', 'status',
                                        'client_reference_id') if k in data}
    data.pop('expand', None)
    sessions = ls.List('/v1/checkout/sessions', limit=data.pop('limit', None),
                       starting_after=data.pop('starting_after', None))
    if data:
        raise unknown(next(iter(data)))
    found = [s for s in ls.store.values() if isinstance(s, CheckoutSession)
             and all(getattr(s, k) == v for k, v in filters.items())]
    for s in found:
        s._check_expiry()
    sessions._list = sorted(found, key=lambda s: s.created, reverse=True)
    return json_response(sessions._export())


async def api_session_line_items(request):
    session = retrieve_session(request.match_info['id'])
    return json_response(session._line_items_list())


async def api_expire_session(request):
    session = retrieve_session(request.match_info['id'])
    if session.status != 'open':
        raise StripeError(400, 'Only Checkout Sessions with a status in ["open"] can '
                          'be expired. This Checkout Session has a status of "%s".'
                          % session.status, code='checkout_session_not_expirable')
    session._expire()
    return json_response(session._export())


# --------------------------------------------------------------------------------------
# The hosted page.

PAGE = """<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}}
.amount{{font-size:2rem;font-weight:bold}} .error{{color:#b00020}}
button{{font-size:1.1rem;padding:.6rem 1.4rem}}</style></head>
<body>
<p class="merchant">{merchant}</p>
<h1>{heading}</h1>
{body}
<p><small>Test mode: a stand-in for Stripe Checkout. Nothing is really charged.</small>
</p>
</body></html>
"""


def page(session, heading, body, status=200):
    text = PAGE.format(
        lang=html.escape(session.locale if session and session.locale
                         and session.locale != 'auto' else 'en'),
        title=html.escape('%s – %s' % (heading, ACCOUNT_NAME)),
        merchant=html.escape(ACCOUNT_NAME), heading=html.escape(heading), body=body)
    return web.Response(text=text, status=status, content_type='text/html')


def pay_form(session, error=None):
    e = html.escape
    parts = []
    if error:
        parts.append('<p class="error" role="alert">%s</p>' % e(error))
    if session.mode == 'payment':
        amount = format_amount(session.amount_total, session.currency)
        for item in session._line_items:
            parts.append('<p class="product">%s%s</p>' % (
                e(item['description']),
                ' × %d' % item['quantity'] if item['quantity'] > 1 else ''))
        parts.append('<p class="amount">%s</p>' % e(amount))
        label = 'Pay %s' % amount
    else:
        parts.append('<p class="product">Save a card for later payments (%s)</p>'
                     % e(session.currency.upper()))
        label = 'Save card'
    email = session.customer_email or session._customer_email() or ''
    action = '/pay/%s' % e(session.id)
    parts.append(
        '<form method="post" action="{a}">'
        '<p><label>Email <input type="email" name="email" value="{m}"></label></p>'
        '<p>Card: 4242 4242 4242 4242 · 12/34 · 123</p>'
        '<input type="hidden" name="card" value="ok">'
        '<button type="submit">{l}</button></form>'
        '<form method="post" action="{a}"><input type="hidden" name="card" '
        'value="declined"><input type="hidden" name="email" value="{m}">'
        '<button type="submit" class="declined">{l} with a declined card</button>'
        '</form>'.format(a=action, m=e(email), l=e(label)))
    if session.cancel_url:
        parts.append('<p><a href="%s">Back</a></p>' % e(session.cancel_url))
    return '\n'.join(parts)


async def hosted_page(request):
    session = ls.store.get('checkout.session:' + request.match_info['id'])
    if session is None:
        return page(None, 'Something went wrong',
                    '<p>This Checkout Session does not exist.</p>', 404)
    session._check_expiry()
    if session.status == 'expired':
        return page(session, 'This Checkout Session has expired',
                    '<p>It can no longer be paid.</p>', 410)
    if session.status == 'complete':
        return page(session, 'Already complete',
                    '<p>This Checkout Session is already complete.</p>')
    heading = 'Pay %s' % ACCOUNT_NAME if session.mode == 'payment' else \
        'Set up a card with %s' % ACCOUNT_NAME
    return page(session, heading, pay_form(session))


async def _pay_request(request):
    data = await lss.get_post_data(request) or {}
    session = retrieve_session(request.match_info['id'])
    session._complete(data.get('card', 'ok'), data.get('email') or None)
    return session


async def hosted_pay(request):
    try:
        session = await _pay_request(request)
    except StripeError as e:
        session = ls.store.get('checkout.session:' + request.match_info['id'])
        message = e.body['error']['message']
        if e.code == 402 and session is not None:
            return page(session, 'Payment failed', pay_form(session, message), 402)
        return page(session, 'Cannot pay', '<p>%s</p>' % html.escape(message), e.code)
    return web.Response(status=303, headers={'Location': session._success_redirect()})


async def test_pay(request):
    session = await _pay_request(request)
    return json_response({'session': session._export(),
                          'redirect': session._success_redirect()})


# --------------------------------------------------------------------------------------
# The account, and what tests read.

async def api_account(request):
    created = 1700000000
    return json_response({
        'id': 'acct_1KairosTestPract',
        'object': 'account',
        'business_profile': {'mcc': None, 'name': ACCOUNT_NAME,
                             'product_description': None, 'support_address': None,
                             'support_email': None, 'support_phone': None,
                             'support_url': None, 'url': None},
        'business_type': 'company',
        'capabilities': {'card_payments': 'active', 'transfers': 'active'},
        'charges_enabled': True,
        'country': 'DE',
        'created': created,
        'default_currency': 'eur',
        'details_submitted': True,
        'email': 'owner@practice.example',
        'metadata': {},
        'payouts_enabled': True,
        'settings': {
            'branding': {'icon': None, 'logo': None, 'primary_color': None,
                         'secondary_color': None},
            'card_payments': {'statement_descriptor_prefix': None},
            'dashboard': {'display_name': ACCOUNT_NAME, 'timezone': 'Europe/Berlin'},
            'payments': {'statement_descriptor': ACCOUNT_NAME.upper()[:22]},
        },
        'type': 'standard',
    })


async def ledger(request):
    """Money as localstripe holds it: succeeded, captured charges and refunds, per
    currency in minor units. With an API key: that account's only. Filters:
    payment_intent, customer, metadata[k]=v (on the charge or its PaymentIntent)."""
    key = api_key_of(request)
    query = lss.unflatten_data(request.query)
    metadata = query.pop('metadata', None) or {}
    filters = {k: query.pop(k) for k in ('payment_intent', 'customer') if k in query}
    if query:
        raise unknown(next(iter(query)))
    charged, refunded, charges, refunds = {}, {}, [], []
    for obj in sorted(ls.store.values(), key=lambda o: getattr(o, 'created', 0)):
        if not isinstance(obj, ls.Charge):
            continue
        if key and getattr(obj, '_api_key', '') != key:
            continue
        pi_metadata = {}
        if obj.payment_intent:
            pi = ls.store.get('payment_intent:' + obj.payment_intent)
            pi_metadata = dict(pi.metadata) if pi else {}
        meta = dict(pi_metadata, **obj.metadata)
        if any(getattr(obj, k) != v for k, v in filters.items()):
            continue
        if any(meta.get(k) != v for k, v in metadata.items()):
            continue
        succeeded = obj.status == 'succeeded' and obj.captured
        if succeeded:
            charged[obj.currency] = charged.get(obj.currency, 0) + obj.amount
        charge_refunds = [r for r in obj.refunds._list if r.status == 'succeeded']
        for r in sorted(charge_refunds, key=lambda r: r.created):
            refunded[r.currency] = refunded.get(r.currency, 0) + r.amount
            refunds.append({'id': r.id, 'amount': r.amount, 'currency': r.currency,
                            'charge': r.charge,
                            'payment_intent': obj.payment_intent,
                            'reason': getattr(r, 'reason', None),
                            'metadata': r.metadata, 'created': r.created})
        charges.append({'id': obj.id, 'amount': obj.amount, 'currency': obj.currency,
                        'status': obj.status, 'captured': obj.captured,
                        'paid': obj.paid, 'payment_intent': obj.payment_intent,
                        'customer': obj.customer,
                        'payment_method': obj.payment_method,
                        'amount_refunded': sum(r.amount for r in charge_refunds),
                        'failure_code': obj.failure_code, 'metadata': meta,
                        'created': obj.created})
    return json_response({'charged': charged, 'refunded': refunded,
                          'charges': charges, 'refunds': refunds})


async def set_clock(request):
    data = await lss.get_post_data(request) or {}
    key = api_key_of(request) or ''
    if 'now' in data:
        CLOCK_OFFSETS[key] = to_int(data['now'], 'now') - time.time()
    elif 'advance' in data:
        CLOCK_OFFSETS[key] = CLOCK_OFFSETS.get(key, 0) + to_int(data['advance'],
                                                                'advance')
    elif 'reset' in data:
        CLOCK_OFFSETS.pop(key, None)
    else:
        raise missing('now')
    for obj in list(ls.store.values()):
        if isinstance(obj, CheckoutSession):
            obj._check_expiry()
    return json_response({'now': now(key)})


async def deliveries(request):
    return json_response({'deliveries': DELIVERIES})


async def delete_webhook(request):
    id = request.match_info['id']
    lsw._webhooks.pop(id, None)
    WEBHOOK_OWNERS.pop(id, None)
    return web.Response()


# --------------------------------------------------------------------------------------
# Authentication and idempotency, in front of localstripe's middlewares.

NO_KEY_PATHS = ('/_config/', '/_test/', '/pay/', '/js.stripe.com/')
# What Stripe.js does with a publishable key.
PUBLISHABLE_PATHS = (r'^/v1/tokens$', r'^/v1/sources$', r'^/v1/payment_methods$',
                     r'^/v1/(payment|setup)_intents/\w+/confirm$')


def api_key_of(request):
    """The key in `Authorization` (Bearer, or Basic with the key as user), or None."""
    header = request.headers.get('Authorization', '')
    scheme, _, value = header.strip().partition(' ')
    value = value.strip()
    if scheme.lower() == 'bearer' and value:
        return value
    if scheme.lower() == 'basic' and value:
        try:
            return base64.b64decode(value).decode('utf-8').split(':')[0] or None
        except ValueError:
            return None
    return None


def masked(key):
    prefix = re.match(r'^((?:sk|rk|pk)_(?:test|live)_)?', key).group(0)
    rest = key[len(prefix):]
    return prefix + '*' * max(len(rest) - 4, 0) + rest[-4:]


def unauthorized(message):
    return StripeError(401, message)


@web.middleware
async def stripe_auth(request, handler):
    key = api_key_of(request)
    header = request.headers.get('Authorization', '').strip()
    if header and key is None:
        raise unauthorized('Invalid API Key provided: %s'
                           % masked(header.split(' ', 1)[-1].strip()))
    if key is not None and INVALID_KEY_MARKER and INVALID_KEY_MARKER in key:
        raise unauthorized('Invalid API Key provided: %s' % masked(key))
    token = CURRENT_KEY.set(key or '')
    try:
        if request.path.startswith(NO_KEY_PATHS):
            response = await handler(request)
            match = re.match(r'^/_config/webhooks/([^/]+)$', request.path)
            if match and request.method == 'POST' and response.status == 200:
                WEBHOOK_OWNERS[match.group(1)] = key or ''
            return response
        if key is None:
            # Let localstripe decide: a publishable key in the form is enough for a
            # few endpoints (tokens, sources, confirming SetupIntents).
            try:
                return await lss.auth_middleware(request, handler)
            except UserError as e:
                if e.code != 401:
                    raise
                raise unauthorized(
                    "You did not provide an API key. You need to provide your API key "
                    "in the Authorization header, using Bearer auth (e.g. "
                    "'Authorization: Bearer YOUR_SECRET_KEY'). See "
                    "https://stripe.com/docs/api#authentication for details, or we can "
                    "help at https://support.stripe.com/.")
        if key.startswith('pk_'):
            if request.method == 'POST' and any(
                    re.match(pattern, request.path) for pattern in PUBLISHABLE_PATHS):
                return await handler(request)
            raise unauthorized('This API call cannot be made with a publishable API '
                               'key. Please use a secret API key. You can find a list '
                               'of your API keys at '
                               'https://dashboard.stripe.com/account/apikeys.')
        if not key.startswith(('sk_', 'rk_')):
            raise unauthorized('Invalid API Key provided: %s' % masked(key))
        return await handler(request)
    finally:
        CURRENT_KEY.reset(token)


# (API key, Idempotency-Key) → the first request's method, path, parameters and answer.
IDEMPOTENT = {}


def canonical_params(request, body):
    kind = request.content_type or ''
    if 'json' in kind:
        try:
            return json.dumps(json.loads(body or b'null'), sort_keys=True)
        except ValueError:
            pass
    pairs = urllib.parse.parse_qsl(body.decode('utf-8', 'replace'),
                                   keep_blank_values=True)
    return json.dumps(sorted(pairs, key=lambda pair: pair[0]))


@web.middleware
async def idempotency(request, handler):
    ikey = request.headers.get('Idempotency-Key')
    if request.method != 'POST' or ikey is None:
        return await handler(request)
    if not ikey or len(ikey) > 255:
        raise invalid('Idempotency-Key', 'Idempotency-Key must be between 1 and 255 '
                      'characters long.', 'idempotency_key_invalid')
    body = await request.read()
    scope = (api_key_of(request) or '', ikey)
    endpoint = request.method + ' ' + request.path
    params = canonical_params(request, body)
    saved = IDEMPOTENT.get(scope)
    if saved is not None:
        if saved['endpoint'] != endpoint:
            raise StripeError(
                400, "Keys for idempotent requests can only be used for the same "
                "endpoint they were first used for ('%s' vs '%s'). Try using a key "
                "other than '%s' if you meant to execute a different request."
                % (request.path, saved['endpoint'].split(' ', 1)[1], ikey),
                type='idempotency_error')
        if saved['params'] != params:
            raise StripeError(
                400, "Keys for idempotent requests can only be used with the same "
                "parameters they were first used with. Try using a key other than "
                "'%s' if you meant to execute a different request." % ikey,
                type='idempotency_error')
        if saved['answer'] is None:
            raise StripeError(
                409, 'There is currently another in-progress request using this '
                'Idempotent Key (that probably means you submitted twice, and the '
                'other request is still going through): %s. Please try again later.'
                % ikey, type='idempotency_error')
        status, answer_body, headers = saved['answer']
        headers = dict(headers, **{'Idempotent-Replayed': 'true',
                                   'Original-Request': saved['request']})
        return web.Response(status=status, body=answer_body, headers=headers)

    request_id = 'req_' + ls.random_id(14)
    IDEMPOTENT[scope] = {'endpoint': endpoint, 'params': params, 'answer': None,
                         'request': request_id}
    token = CURRENT_IDEMPOTENCY_KEY.set(ikey)
    try:
        try:
            response = await handler(request)
        except UserError as e:
            response = e.to_response()
    except BaseException:
        del IDEMPOTENT[scope]
        raise
    finally:
        CURRENT_IDEMPOTENCY_KEY.reset(token)
    # Stripe keeps an answer once the endpoint started working: not for requests that
    # failed validation (400, 404) or authentication.
    if response.status < 400 or response.status == 402 or response.status >= 500:
        headers = {k: v for k, v in response.headers.items()
                   if k.lower() in ('content-type', 'location')}
        IDEMPOTENT[scope]['answer'] = (response.status, response.body, headers)
    else:
        del IDEMPOTENT[scope]
    response.headers['Idempotency-Key'] = ikey
    response.headers['Request-Id'] = request_id
    return response


# --------------------------------------------------------------------------------------
# Wiring.

app = lss.app
app.middlewares[:] = [lss.error_middleware, stripe_auth, idempotency,
                      lss.save_store_middleware]
app.router.add_post('/v1/checkout/sessions', api_create_session)
app.router.add_get('/v1/checkout/sessions', api_list_sessions)
app.router.add_get('/v1/checkout/sessions/{id}', api_retrieve_session)
app.router.add_get('/v1/checkout/sessions/{id}/line_items', api_session_line_items)
app.router.add_post('/v1/checkout/sessions/{id}/expire', api_expire_session)
app.router.add_get('/v1/account', api_account)
app.router.add_get('/pay/{id}', hosted_page)
app.router.add_post('/pay/{id}', hosted_pay)
app.router.add_post('/_test/checkout/sessions/{id}/pay', test_pay)
app.router.add_get('/_test/ledger', ledger)
app.router.add_post('/_test/clock', set_clock)
app.router.add_get('/_test/webhooks/deliveries', deliveries)
app.router.add_delete('/_config/webhooks/{id}', delete_webhook)


async def expire_sessions(app):
    """Sessions whose `expires_at` passes expire by themselves, as on Stripe."""
    async def sweep():
        while True:
            await asyncio.sleep(1)
            for obj in list(ls.store.values()):
                if isinstance(obj, CheckoutSession):
                    try:
                        obj._check_expiry()
                    except Exception:
                        log.exception('expiring %s', obj.id)
    app['sweeper'] = asyncio.ensure_future(sweep())


app.on_startup.append(expire_sessions)


def exit_with_stdin():
    """Ends this program once standard input closes (the test binary exited)."""
    def watch():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        finally:
            os._exit(0)
    threading.Thread(target=watch, daemon=True).start()


async def serve(host, port):
    runner = web.AppRunner(app, access_log=logging.getLogger('aiohttp.access'))
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = site._server.sockets[0].getsockname()[1]
    print('listening on http://%s:%d' % (host, bound), flush=True)
    await asyncio.Event().wait()


def main():
    global ACCOUNT_NAME, INVALID_KEY_MARKER, WEBHOOK_DELAY, STATE_PATH
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--port', type=int, default=8420,
                        help='0 picks a free port (printed on standard output)')
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--state', help='keep objects in this pickle across runs '
                        '(default: memory only)')
    parser.add_argument('--account-name', default=ACCOUNT_NAME)
    parser.add_argument('--invalid-key-marker', default=INVALID_KEY_MARKER,
                        help='API keys containing this are refused with 401 ("" for '
                        'none)')
    parser.add_argument('--webhook-delay', type=float, default=WEBHOOK_DELAY,
                        help='seconds between an event and its webhook')
    parser.add_argument('--exit-with-stdin', action='store_true',
                        help='stop when standard input closes')
    parser.add_argument('--quiet', action='store_true', help='no access log')
    args = parser.parse_args()

    ACCOUNT_NAME = args.account_name
    INVALID_KEY_MARKER = args.invalid_key_marker
    WEBHOOK_DELAY = args.webhook_delay
    STATE_PATH = os.path.abspath(args.state) if args.state else None
    ls.store.try_load_from_disk()

    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO,
                        stream=sys.stderr, format='%(asctime)s %(name)s %(message)s')
    if args.exit_with_stdin:
        exit_with_stdin()
    asyncio.run(serve(args.host, args.port))


if __name__ == '__main__':
    main()
