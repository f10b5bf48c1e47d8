"""Words of a message: jieba for runs of Chinese, plain words for Latin letters and digits.

jieba costs 1.6–1.8 s and ~60 MB to initialise, so the process does it once, lazily, under a
lock; its prefix cache goes to the application's cache directory rather than the shared
temporary one; the crypto vocabulary below is added so 提币, 助记词 or 谷歌验证器 stay whole.
Never ``enable_paddle()``: it runs pip.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

from .cachedir import cache_dir
from .normalise import normalise

CRYPTO_TERMS = (
    "提币", "提现", "充币", "充值", "到账", "未到账", "没到账", "不到账", "入账", "出金", "入金",
    "助记词", "私钥", "公钥", "钱包", "冷钱包", "热钱包", "钱包地址", "充值地址", "提币地址",
    "链上", "主网", "公链", "跨链", "区块链", "区块确认", "确认数", "交易哈希", "哈希值",
    "合约", "合约地址", "现货", "杠杆", "永续", "期货", "挂单", "吃单", "限价单", "市价单",
    "止损", "止盈", "止损单", "委托", "撤单", "成交", "未成交", "部分成交", "手续费", "矿工费",
    "网络费", "实名认证", "身份认证", "人脸识别", "谷歌验证", "谷歌验证器", "二次验证",
    "双重验证", "验证码", "短信验证", "冻结", "解冻", "被盗", "盗号", "标签", "备注", "memo",
    "比特币", "以太坊", "泰达币", "波场", "币安", "法币", "场外", "客服", "人工客服", "工单",
    "申诉", "退款", "诈骗", "骗子", "钓鱼网站", "钓鱼", "空投", "质押", "理财", "维护",
    "暂停提币", "暂停充值", "币种", "上币", "下架", "公告", "注销", "注销账户", "登录", "注册",
    "绑定", "解绑", "手机号", "邮箱", "密码", "登录密码", "资金密码", "定投", "行情", "k线",
)

_RUNS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:[._'’-][a-z0-9]+)*")
_HAN_START = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

_lock = threading.Lock()
_jieba: Any = None


def segmenter() -> Any:
    """The process's jieba tokenizer, initialised once with the crypto vocabulary."""
    global _jieba
    if _jieba is not None:
        return _jieba
    with _lock:
        if _jieba is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.dt
            directory = cache_dir()
            try:
                directory.mkdir(parents=True, exist_ok=True)
                tk.tmp_dir = str(directory)
                tk.cache_file = "jieba.cache"
            except OSError:
                pass  # an unwritable cache only costs the rebuild time
            tk.initialize()
            for term in CRYPTO_TERMS:
                tk.add_word(term)
            _jieba = tk
    return _jieba


def tokens_of_normalised(text: str) -> list[str]:
    """Tokens of text that :func:`normalise` already folded (the classifier's fast path)."""
    out: list[str] = []
    for run in _RUNS.findall(text):
        if _HAN_START.match(run):
            out.extend(segmenter().lcut(run, HMM=True))
        else:
            out.append(run)
    return out


def tokens(text: str) -> list[str]:
    """Words of ``text`` after normalisation; punctuation and spaces dropped."""
    return tokens_of_normalised(normalise(text))
