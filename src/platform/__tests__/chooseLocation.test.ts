/**
 * The map picker behind the seam, one platform at a time, against stand-ins shaped as each platform's
 * documentation says: WeChat `wx.chooseLocation` (name, address and GCJ-02 numbers; errMsg on failure:
 * "chooseLocation:fail cancel", "auth deny" / "authorize no response", a privacy refusal naming privacy),
 * Alipay `my.chooseLocation` (the typings give the coordinates as strings; numeric error codes: 11 cancelled,
 * 2001–2003 refused), and the browser build's sheet of demo points.
 */
// A module of its own: the type and the globals below are this file's, not the other picker tests'.
export {}

type Options = Record<string, unknown> & {
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
}

const globals = globalThis as Record<string, unknown>
const HERE = { latitude: 22.541862, longitude: 113.952115 }

afterEach(() => {
  delete globals.wx
  delete globals.my
})

describe('WeChat: wx.chooseLocation', () => {
  async function pick(answer: (o: Options) => void, current: typeof HERE | null = HERE) {
    const calls: Options[] = []
    globals.wx = {
      chooseLocation: (o: Options) => {
        calls.push(o)
        answer(o)
      },
    }
    const { platform } = await import('../index.weapp')
    return { result: await platform.chooseLocation(current ?? undefined), call: calls[0] }
  }

  test('opens the map at the saved point and hands back the picked point', async () => {
    const { result, call } = await pick((o) =>
      o.success?.({
        errMsg: 'chooseLocation:ok',
        name: '科技园C栋北门',
        address: '广东省深圳市南山区科苑路15号',
        latitude: 22.5437,
        longitude: 113.952115,
      }),
    )
    expect(call).toMatchObject({ latitude: 22.541862, longitude: 113.952115 })
    expect(result).toEqual({
      ok: true,
      location: {
        name: '科技园C栋北门',
        address: '广东省深圳市南山区科苑路15号',
        latitude: 22.5437,
        longitude: 113.952115,
      },
    })
  })

  test('without a saved point the map opens wherever WeChat puts it', async () => {
    const { call } = await pick((o) => o.fail?.({ errMsg: 'chooseLocation:fail cancel' }), null)
    expect(call).not.toHaveProperty('latitude')
    expect(call).not.toHaveProperty('longitude')
  })

  test('iOS may leave the address out: the name is enough; no name, the address names the point', async () => {
    const noAddress = await pick((o) =>
      o.success?.({ name: '科技园', address: '', latitude: 1, longitude: 2 }),
    )
    expect(noAddress.result).toEqual({
      ok: true,
      location: { name: '科技园', address: '', latitude: 1, longitude: 2 },
    })
    const noName = await pick((o) =>
      o.success?.({ name: '', address: '科苑路15号', latitude: 1, longitude: 2 }),
    )
    expect(noName.result).toMatchObject({ ok: true, location: { name: '科苑路15号' } })
  })

  test('确定 with nothing picked is a cancel, not a point at 0,0', async () => {
    const { result } = await pick((o) => o.success?.({ name: '', address: '', latitude: 0, longitude: 0 }))
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' })
  })

  test.each([
    ['chooseLocation:fail cancel', 'cancelled'],
    ['chooseLocation:fail auth deny', 'denied'],
    ['chooseLocation:fail:auth denied', 'denied'],
    ['chooseLocation:fail authorize no response', 'denied'],
    ['chooseLocation:fail privacy permission is not authorized', 'privacy'],
    ['chooseLocation:fail api scope is not declared in the privacy agreement', 'privacy'],
    [
      'chooseLocation:fail the api need to be declared in the requiredPrivateInfos field in app.json',
      'failed',
    ],
    ['chooseLocation:fail system error', 'failed'],
  ])('%s is %s', async (errMsg, reason) => {
    const { result } = await pick((o) => o.fail?.({ errMsg }))
    expect(result).toEqual({ ok: false, reason, detail: errMsg })
  })
})

describe('Alipay: my.chooseLocation', () => {
  async function pick(answer: (o: Options) => void) {
    const calls: Options[] = []
    globals.my = {
      chooseLocation: (o: Options) => {
        calls.push(o)
        answer(o)
      },
    }
    const { platform } = await import('../index.alipay')
    return { result: await platform.chooseLocation(HERE), call: calls[0] }
  }

  test('opens at the saved point; coordinates given as strings come back as numbers', async () => {
    const { result, call } = await pick((o) =>
      o.success?.({
        name: '科技园C栋北门',
        address: '科苑路15号',
        latitude: '22.5437',
        longitude: '113.952115',
        provinceName: '广东省',
        cityName: '深圳市',
      }),
    )
    expect(call).toMatchObject({ latitude: 22.541862, longitude: 113.952115 })
    expect(result).toEqual({
      ok: true,
      location: { name: '科技园C栋北门', address: '科苑路15号', latitude: 22.5437, longitude: 113.952115 },
    })
  })

  test('numbers, as the documentation shows them, work the same', async () => {
    const { result } = await pick((o) =>
      o.success?.({
        name: '黄龙万科中心',
        address: '学院路77号',
        latitude: 30.274653,
        longitude: 120.126293,
      }),
    )
    expect(result).toMatchObject({ ok: true, location: { latitude: 30.274653, longitude: 120.126293 } })
  })

  test('a point without coordinates fails rather than saving 0,0', async () => {
    const { result } = await pick((o) =>
      o.success?.({ name: '某处', address: '', latitude: '', longitude: '' }),
    )
    expect(result).toMatchObject({ ok: false, reason: 'failed' })
  })

  test.each([
    [11, 'cancelled'],
    [2001, 'denied'],
    [2002, 'denied'],
    [2003, 'denied'],
    [3, 'failed'],
  ])('error %s is %s', async (error, reason) => {
    const { result } = await pick((o) => o.fail?.({ error, errorMessage: '…' }))
    expect(result).toMatchObject({ ok: false, reason })
  })
})

describe('H5: a sheet of demo points around the saved one', () => {
  /** Taro's H5 action sheet is real DOM: tap one of its entries as the user would. */
  async function press(label: string) {
    for (let i = 0; i < 50; i++) {
      const item = [...document.querySelectorAll('body *')].find(
        (el) => el.children.length === 0 && el.textContent === label,
      ) as HTMLElement | undefined
      if (item) {
        item.click()
        return
      }
      await new Promise((r) => setTimeout(r, 20))
    }
    throw new Error(`no "${label}" on screen`)
  }

  test('the near point is about 150 m north of the saved one, the far one about 3 km', async () => {
    const { platform } = await import('../index.h5')
    const near = platform.chooseLocation(HERE)
    await press('附近点位（向北约150米）')
    await expect(near).resolves.toEqual({
      ok: true,
      location: {
        name: '演示点位·北侧',
        address: '演示地址：原点位向北约150米',
        latitude: 22.543211,
        longitude: 113.952115,
      },
    })
    const far = platform.chooseLocation(HERE)
    await press('远处点位（向北约3公里）')
    await expect(far).resolves.toMatchObject({ ok: true, location: { latitude: 22.568842 } })
  })

  test('取消 leaves it a cancel', async () => {
    const { platform } = await import('../index.h5')
    const picked = platform.chooseLocation(HERE)
    await press('取消')
    await expect(picked).resolves.toMatchObject({ ok: false, reason: 'cancelled' })
  })
})
