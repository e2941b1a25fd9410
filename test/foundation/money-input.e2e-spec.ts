import { createTestApp, type TestApp } from '../support/test-app';

/** Money crosses the API as strings with exact places; anything else is a 400 naming the field. */
describe('money over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const valid = { price: '12500000.00', startPrice: '10000000.00', area: '20000.00', plotRatio: '2.5000' };
  const post = (body: object) => t.http().post('/api/tools/price-figures').send(body);

  it('computes the figures of a result exactly, with the amount in 大写', async () => {
    const res = await post(valid).expect(200);
    expect(res.body).toEqual({
      priceUnit: 'total',
      price: '12500000.00',
      totalPrice: '12500000.00',
      priceInWords: '壹仟贰佰伍拾万元整',
      priceInWanYuan: '1250.0000万元',
      unitPrice: '625.00',
      floorArea: '50000.00',
      floorPrice: '250.00',
      premiumRate: '0.2500',
      premiumPercent: '25.00%',
    });
  });

  it('a price per ㎡ of floor area is multiplied by area × maximum plot ratio into the total, rounded once', async () => {
    const res = await post({ ...valid, price: '3000.01', startPrice: '2500.00', area: '20000.33', priceUnit: 'per_floor_area' }).expect(200);
    // 20000.33 × 2.5 = 50000.825 ㎡; × 3000.01 = 150002975.0082… → 150002975.01
    expect(res.body).toMatchObject({ priceUnit: 'per_floor_area', price: '3000.01', totalPrice: '150002975.01', floorArea: '50000.825', floorPrice: '3000.01', premiumRate: '0.2000' });
    expect((await post({ ...valid, priceUnit: 'per_floor_area', plotRatio: undefined }).expect(400)).body).toMatchObject({ code: 'FLOOR_AREA_UNKNOWN' });
    expect((await post({ ...valid, priceUnit: 'per_hectare' }).expect(400)).body.field).toBe('priceUnit');
  });

  it('has no 0.1 + 0.2 problem: 0.30 yuan of premium on 0.10 is exactly 200%', async () => {
    const res = await post({ price: '0.30', startPrice: '0.10', area: '1.00' }).expect(200);
    expect(res.body).toMatchObject({ premiumRate: '2.0000', unitPrice: '0.30' });
  });

  it.each([
    ['a JSON number', { price: 12500000 }, 'price'],
    ['an exponent', { price: '1e21' }, 'price'],
    ['NaN', { price: 'NaN' }, 'price'],
    ['a negative amount', { startPrice: '-0.01' }, 'startPrice'],
    ['three places on a 2-place field', { price: '1.005' }, 'price'],
    ['a value beyond the column', { price: '10000000000000000.00' }, 'price'],
    ['a huge string', { area: '9'.repeat(5000) }, 'area'],
    ['a ratio with too many places', { plotRatio: '2.50001' }, 'plotRatio'],
    ['a missing field', { price: undefined }, 'price'],
  ])('rejects %s with a 400 naming the field', async (_label, change, field) => {
    const res = await post({ ...valid, ...change }).expect(400);
    expect(res.body.field).toBe(field);
    expect(res.body.message).toContain(field);
  });
});
