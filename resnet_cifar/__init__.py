__version__ = "0.1.0"

import warnings
# torch's deprecation of `torch.jit.script`, raised inside fastai's imports: filtered before any module imports fastai
warnings.filterwarnings('ignore', message='`torch.jit.script` is deprecated', category=FutureWarning)
