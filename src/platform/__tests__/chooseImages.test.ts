/**
 * The media picker behind the seam, one platform at a time, against stand-ins shaped as each platform's
 * documentation says: WeChat `wx.chooseMedia` (tempFiles with tempFilePath and size, errMsg on failure),
 * Alipay `my.chooseImage` (tempFiles on newer base libraries, only apFilePaths on older ones, numeric error
 * codes), and the browser's file dialog for H5.
 */
type Options = Record<string, unknown> & {
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
}

const globals = globalThis as Record<string, unknown>

afterEach(() => {
  delete globals.wx
  delete globals.my
})

describe('WeChat: wx.chooseMedia', () => {
  async function pick(answer: (o: Options) => void) {
    const calls: Options[] = []
    globals.wx = {
      chooseMedia: (o: Options) => {
        calls.push(o)
        answer(o)
      },
    }
    const { platform } = await import('../index.weapp')
    return { result: await platform.chooseImages(2), call: calls[0] }
  }

  test('asks for pictures only, from album or camera, compressed, at most the count', async () => {
    const { result, call } = await pick((o) =>
      o.success?.({
        type: 'image',
        tempFiles: [
          { tempFilePath: 'wxfile://tmp/a.jpg', size: 120_000, fileType: 'image' },
          { tempFilePath: 'wxfile://tmp/b.jpg', size: 6_000_000, fileType: 'image' },
        ],
      }),
    )
    expect(call).toMatchObject({
      count: 2,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
    })
    expect(result).toEqual({
      ok: true,
      images: [
        { path: 'wxfile://tmp/a.jpg', sizeBytes: 120_000 },
        { path: 'wxfile://tmp/b.jpg', sizeBytes: 6_000_000 },
      ],
    })
  })

  test.each([
    ['chooseMedia:fail cancel', 'cancelled'],
    ['chooseMedia:fail auth deny', 'denied'],
    ['chooseMedia:fail internal error', 'failed'],
    ['chooseMedia:fail privacy permission is not authorized', 'privacy'],
  ])('%s is %s', async (errMsg, reason) => {
    const { result } = await pick((o) => o.fail?.({ errMsg }))
    expect(result).toMatchObject({ ok: false, reason })
  })
})

describe('Alipay: my.chooseImage', () => {
  async function pick(answer: (o: Options) => void, sizes: Record<string, number> = {}) {
    const calls: [string, Options][] = []
    globals.my = {
      chooseImage: (o: Options) => {
        calls.push(['chooseImage', o])
        answer(o)
      },
      getFileInfo: (o: Options & { apFilePath: string }) => {
        calls.push(['getFileInfo', o])
        const size = sizes[o.apFilePath]
        if (size === undefined) o.fail?.({ error: 12, errorMessage: '文件不存在' })
        else o.success?.({ size, digest: 'x' })
      },
    }
    const { platform } = await import('../index.alipay')
    return { result: await platform.chooseImages(3), calls }
  }

  test('a newer base library lists tempFiles with their sizes', async () => {
    const { result, calls } = await pick((o) =>
      o.success?.({
        apFilePaths: ['https://resource/a.jpg'],
        tempFilePaths: ['https://resource/a.jpg'],
        tempFiles: [{ path: 'https://resource/a.jpg', size: 300_000 }],
      }),
    )
    // Compressed: a phone camera's originals exceed the cloud's 5 MB limit.
    expect(calls[0]?.[1]).toMatchObject({
      count: 3,
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
    })
    expect(result).toEqual({ ok: true, images: [{ path: 'https://resource/a.jpg', sizeBytes: 300_000 }] })
    expect(calls.map(([name]) => name)).toEqual(['chooseImage'])
  })

  test('an older one gives only apFilePaths: each size is read with my.getFileInfo', async () => {
    const { result, calls } = await pick((o) => o.success?.({ apFilePaths: ['ap://a.jpg', 'ap://b.png'] }), {
      'ap://a.jpg': 10,
      'ap://b.png': 20,
    })
    expect(result).toEqual({
      ok: true,
      images: [
        { path: 'ap://a.jpg', sizeBytes: 10 },
        { path: 'ap://b.png', sizeBytes: 20 },
      ],
    })
    expect(calls.filter(([name]) => name === 'getFileInfo')).toHaveLength(2)
  })

  test('a size that cannot be read fails the pick rather than guessing', async () => {
    const { result } = await pick((o) => o.success?.({ apFilePaths: ['ap://gone.jpg'] }))
    expect(result).toMatchObject({ ok: false, reason: 'failed' })
  })

  test.each([
    [11, 'cancelled'],
    [2001, 'denied'],
    [3, 'failed'],
  ])('error %s is %s', async (error, reason) => {
    const { result } = await pick((o) => o.fail?.({ error, errorMessage: '…' }))
    expect(result).toMatchObject({ ok: false, reason })
  })
})

describe('H5: the browser file dialog', () => {
  const created: string[] = []
  beforeEach(() => {
    created.length = 0
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${created.length}-${(blob as File).name}`
      created.push(url)
      return url
    }
  })

  /** Waits for the picker's hidden input, then lets `act` play the user. */
  async function pick(count: number, act: (input: HTMLInputElement) => void) {
    const { platform } = await import('../index.h5')
    const clicked = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (
      this: HTMLInputElement,
    ) {
      act(this)
    })
    const result = await platform.chooseImages(count)
    clicked.mockRestore()
    return result
  }

  const choose = (input: HTMLInputElement, files: File[]) => {
    Object.defineProperty(input, 'files', { value: files })
    input.dispatchEvent(new Event('change'))
  }

  test('offers JPEG and PNG files, several when several are wanted, and hands back blob URLs with sizes', async () => {
    let seen: { accept: string; multiple: boolean; attached: boolean } | undefined
    const result = await pick(3, (input) => {
      seen = { accept: input.accept, multiple: input.multiple, attached: document.body.contains(input) }
      choose(input, [
        new File([new Uint8Array(1500)], 'a.jpg', { type: 'image/jpeg' }),
        new File([new Uint8Array(40)], 'b.png', { type: 'image/png' }),
      ])
    })
    expect(seen).toEqual({ accept: 'image/jpeg,image/png', multiple: true, attached: true })
    expect(result).toEqual({
      ok: true,
      images: [
        { path: 'blob:test/0-a.jpg', sizeBytes: 1500 },
        { path: 'blob:test/1-b.png', sizeBytes: 40 },
      ],
    })
    expect(document.querySelectorAll('input[type=file]')).toHaveLength(0)
  })

  test('one picture wanted: a single-file dialog; closing it without a file is a cancel', async () => {
    let multiple: boolean | undefined
    const result = await pick(1, (input) => {
      multiple = input.multiple
      input.dispatchEvent(new Event('cancel'))
    })
    expect(multiple).toBe(false)
    expect(result).toEqual({ ok: false, reason: 'cancelled' })
  })
})
